import type { SubgraphContext } from '../../core/context';
import { badInput, conflict, notFound } from '../../core/errors';
import { assertMayWrite } from './write-access';
import { dossierById } from '../loaders';
import { addSeconds, localOf, nowLocal, nowTimestamp, secondsBetween } from '../../core/time';
import { lastEventOf } from '../updated-at';
import { recordEvent } from '../../core/events/outbox';
import type { HubEventType } from '../../core/events/hub-event';
import { Dossier } from './dossier';
import { recordDossierChange } from '../rollups/record';
import { ALLOWED_TRANSITIONS, DossierStatus } from './dossier-status';

/** The dossier to change: in scope (else FORBIDDEN), existing (else NOT_FOUND), in the principal's own unit (rule 4). */
async function dossierToChange(context: SubgraphContext, id: string, what: string): Promise<Dossier> {
  const dossier = await dossierById(context).load(id);
  if (!dossier) throw notFound(`No dossier has id "${id}"`);
  assertMayWrite(context.principal, dossier.unitPath, `${what} of dossier ${id}`, 'dossiers:write');
  return dossier;
}

/** When the event happened: now, or a past time an integration reports, not before the last event. */
function eventTime(dossier: Dossier, at: Date | undefined): string {
  const now = nowLocal();
  const time = at ? localOf(at) : now;
  if (time > now) throw badInput('at is in the future', 'at');
  const last = lastEventOf(dossier);
  if (time < last) throw badInput(`at (${time}) is before the dossier's last event (${last})`, 'at');
  return time;
}

/** The event a move to `to` is told as (hub-event.ts): resolved and returned have their own. */
const EVENT_OF_MOVE: Partial<Record<DossierStatus, HubEventType>> = {
  [DossierStatus.RESOLVED]: 'dossier.resolved',
  [DossierStatus.RETURNED]: 'dossier.returned',
};

/**
 * Saves the change only if nobody moved the dossier meanwhile (compare-and-set on the status);
 * a change of status writes its event in the same transaction (docs/architecture.md, "Events"),
 * and every change its rollups (rule 15), from the row as the transaction holds it (locked on
 * MariaDB; SQLite runs one write at a time): a concurrent change that kept the status (an
 * apology letter) is counted once, not lost.
 */
async function saveIfUnchanged(context: SubgraphContext, dossier: Dossier, lifecycleChanges: Partial<Dossier>): Promise<Dossier> {
  // Pull sync: every change stamps updatedAt in its own statement (core/updated-since.ts).
  const changes: Partial<Dossier> = { ...lifecycleChanges, updatedAt: nowTimestamp() };
  return context.dataSource.transaction(async (manager) => {
    const read = manager.getRepository(Dossier).createQueryBuilder('d').where('d.id = :id', { id: dossier.id });
    if (manager.connection.options.type !== 'better-sqlite3') read.setLock('pessimistic_write');
    const current = await read.getOne();
    if (!current || current.status !== dossier.status) throw conflict(`Dossier ${dossier.id} changed meanwhile: read it again and retry`);
    const result = await manager
      .createQueryBuilder()
      .update(Dossier)
      .set(changes)
      .where('id = :id AND status = :status', { id: dossier.id, status: dossier.status })
      .execute();
    if (result.affected === 0) throw conflict(`Dossier ${dossier.id} changed meanwhile: read it again and retry`);
    if (changes.status !== undefined && changes.status !== dossier.status) {
      await recordEvent(manager, {
        subgraph: 'procedures',
        type: EVENT_OF_MOVE[changes.status] ?? 'dossier.state_changed',
        record: { type: 'Dossier', id: dossier.id },
        units: [dossier.unitPath],
        state: changes.status,
        previousState: dossier.status,
      });
    }
    const changed = Object.assign(new Dossier(), current, changes);
    await recordDossierChange(manager, current, changed);
    return changed;
  });
}

/**
 * Moves a dossier along its lifecycle. An illegal move is a CONFLICT and changes nothing. Time
 * spent waiting for the applicant's supplement does not count against the due time: when the
 * wait ends, the due time moves later by the wait, and the wait is recorded.
 */
export async function transitionDossier(context: SubgraphContext, id: string, to: DossierStatus, at?: Date): Promise<Dossier> {
  const dossier = await dossierToChange(context, id, 'Changing the status');
  if (!ALLOWED_TRANSITIONS[dossier.status].includes(to)) {
    const allowed = ALLOWED_TRANSITIONS[dossier.status];
    throw conflict(
      `Dossier ${id} is ${dossier.status}: it cannot move to ${to}` + (allowed.length ? ` (allowed: ${allowed.join(', ')})` : ' (final state)'),
    );
  }
  const time = eventTime(dossier, at);
  const changes: Partial<Dossier> = { status: to };
  if (dossier.status === DossierStatus.SUPPLEMENT_REQUESTED && dossier.supplementSince !== null) {
    const waited = secondsBetween(dossier.supplementSince, time);
    changes.dueAt = addSeconds(dossier.dueAt, waited);
    changes.supplementWaitSeconds = dossier.supplementWaitSeconds + waited;
    changes.supplementSince = null;
  }
  if (to === DossierStatus.SUPPLEMENT_REQUESTED) changes.supplementSince = time;
  if (to === DossierStatus.RESOLVED) changes.resolvedAt = time;
  if (to === DossierStatus.RESOLVED || to === DossierStatus.REJECTED || to === DossierStatus.WITHDRAWN) changes.closedAt = time;
  if (to === DossierStatus.RETURNED) changes.returnedAt = time;
  return saveIfUnchanged(context, dossier, changes);
}

/**
 * Issues the apology letter of a late dossier (văn bản xin lỗi và hẹn lại ngày trả kết quả):
 * only for a dossier past its due time, once, with a new return time after the letter.
 */
export async function issueApologyLetter(context: SubgraphContext, id: string, newReturnAt: Date, at?: Date): Promise<Dossier> {
  const dossier = await dossierToChange(context, id, 'Issuing an apology letter');
  if (dossier.status === DossierStatus.REJECTED || dossier.status === DossierStatus.WITHDRAWN) {
    throw conflict(`Dossier ${id} is ${dossier.status}: it has no result to apologise for`);
  }
  if (dossier.apologyAt !== null) throw conflict(`Dossier ${id} already has an apology letter`);
  const time = eventTime(dossier, at);
  const lateAt = dossier.resolvedAt ?? time;
  if (lateAt <= dossier.dueAt) throw conflict(`Dossier ${id} is not late (due ${dossier.dueAt}): no apology letter is needed`);
  const promisedAt = localOf(newReturnAt);
  if (promisedAt <= time) throw badInput('newReturnAt must be after the letter is issued', 'newReturnAt');
  return saveIfUnchanged(context, dossier, { apologyAt: time, promisedAt });
}
