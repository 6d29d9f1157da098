import { randomBytes } from 'node:crypto';
import type { SubgraphContext } from '../../core/context';
import { badInput, notFound } from '../../core/errors';
import { entityResult, idempotent, type TransactionalWrite } from '../../core/idempotency';
import type { Principal } from '../../core/principal';
import { assertExistedOn, requirePrincipal, resolveWritableUnit, storedPath } from '../../core/access';
import { cataloguePaths } from '../procedure/catalogue-scope';
import { assertMayWrite } from './write-access';
import { procedureById } from '../loaders';
import { OnlineService } from '../procedure/online-service';
import { addWorkingDays, localOf, nowLocal, nowTimestamp } from '../../core/time';
import { recordEvent } from '../../core/events/outbox';
import { Dossier } from './dossier';
import { recordDossierChange } from '../rollups/record';
import { DossierChannel } from './dossier-channel';
import { DossierStatus } from './dossier-status';
import type { ReceiveDossierInput } from './receive-dossier.input';

/** Checks the shape of the input before anything is looked up or written. */
function validateShape(input: ReceiveDossierInput) {
  if (!Number.isInteger(input.componentCount) || input.componentCount < 1 || input.componentCount > 100) {
    throw badInput('componentCount must be between 1 and 100', 'componentCount');
  }
  const digitized = input.digitizedComponents ?? 0;
  if (!Number.isInteger(digitized) || digitized < 0 || digitized > input.componentCount) {
    throw badInput('digitizedComponents must be between 0 and componentCount', 'digitizedComponents');
  }
  const name = input.applicantName.trim();
  if (name.length < 2 || name.length > 80) throw badInput('applicantName must have 2 to 80 characters', 'applicantName');
  if (!/^(\d{9}|\d{12})$/.test(input.applicantIdNumber)) throw badInput('applicantIdNumber must be 9 or 12 digits', 'applicantIdNumber');
  if (input.agencyId.length < 1 || input.agencyId.length > 64) throw badInput('agencyId must have 1 to 64 characters', 'agencyId');
}

/**
 * Receives a dossier: role and scope (rule 4), input (the agency one of the receiving unit's,
 * asked of institutions as the hub), then one INSERT. Idempotent on `input.clientKey`
 * (required here; `core/idempotency`): a retry under the same key returns the dossier the first
 * call made, even when it runs concurrently with it.
 */
export async function receiveDossier(context: SubgraphContext, input: ReceiveDossierInput): Promise<Dossier> {
  const principal = requirePrincipal(context.principal);
  // clientKey is required here (String! in the schema); its form is checked by `idempotent`.
  return idempotent(context, { mutation: 'receiveDossier', clientKey: input.clientKey, input, result: entityResult(Dossier) }, (write) =>
    receive(context, principal, input, write),
  );
}

async function receive(context: SubgraphContext, principal: Principal, input: ReceiveDossierInput, write: TransactionalWrite<Dossier>): Promise<Dossier> {
  validateShape(input);

  // A dissolved unit gets no new dossier (rule 13): BAD_USER_INPUT naming its successors.
  const unit = await resolveWritableUnit(context, input.unitCode);
  assertMayWrite(principal, unit.path, `Receiving a dossier in unit ${unit.code}`, 'dossiers:write');
  // The receiving agency must be one of the receiving unit's, as institutions knows it. Asked as
  // the hub, so one answer for "no such agency" and "another unit's": the unit of an agency
  // outside the caller's scope is not told.
  const agency = await context.institutions.agencies.find(input.agencyId, { as: 'hub' });
  if (agency?.unit.id !== unit.id) throw badInput(`agencyId "${input.agencyId}" names no agency of unit ${unit.code}`, 'agencyId');
  const procedure = await procedureById(context).load(input.procedureId);
  if (!procedure) throw notFound(`No procedure has id "${input.procedureId}"`);
  const now = nowLocal();
  const receivedAt = input.receivedAt ? localOf(input.receivedAt) : now;
  if (receivedAt > now) throw badInput('receivedAt is in the future', 'receivedAt');
  // A dossier dated before its unit existed belongs to the predecessor that did (rule 13).
  assertExistedOn(unit, receivedAt.slice(0, 10), 'receivedAt');
  if (!cataloguePaths(unit, receivedAt.slice(0, 10))?.includes(procedure.unitPath)) {
    throw badInput(`Procedure ${procedure.id} belongs to the catalogue of province ${procedure.provinceId}, not to unit ${unit.code}'s`, 'procedureId');
  }
  const day = receivedAt.slice(0, 10);
  if (procedure.publishedOn > day || (procedure.withdrawnOn !== null && procedure.withdrawnOn <= day)) {
    throw badInput(`Procedure ${procedure.id} is not in force on ${day}`, 'procedureId');
  }
  if (input.channel === DossierChannel.ONLINE && procedure.onlineService === OnlineService.NONE) {
    throw badInput(`Procedure ${procedure.id} has no online service: it cannot be received ONLINE`, 'channel');
  }
  const dueAt = input.dueAt ? localOf(input.dueAt) : addWorkingDays(receivedAt, procedure.processingDays);
  if (dueAt <= receivedAt) throw badInput(`dueAt (${dueAt}) must be after receivedAt (${receivedAt})`, 'dueAt');

  const dossier = Object.assign(new Dossier(), {
    id: `${unit.code}-${receivedAt.slice(2, 10).replace(/-/g, '')}-w${randomBytes(4).toString('hex')}`,
    procedureId: procedure.id,
    unitId: unit.id,
    unitPath: storedPath(unit.path),
    agencyId: input.agencyId,
    channel: input.channel,
    status: DossierStatus.RECEIVED,
    receivedAt,
    dueAt,
    resolvedAt: null,
    returnedAt: null,
    closedAt: null,
    supplementSince: null,
    supplementWaitSeconds: 0,
    componentCount: input.componentCount,
    digitizedComponents: input.digitizedComponents ?? 0,
    paidOnline: input.paidOnline ?? false,
    resultByPost: input.resultByPost ?? false,
    apologyAt: null,
    promisedAt: null,
    rating: null,
    updatedAt: '',
    applicantName: input.applicantName.trim(),
    applicantIdNumber: input.applicantIdNumber,
  });
  return write(async (manager) => {
    // Pull sync: stamped inside the write's transaction (core/updated-since.ts).
    dossier.updatedAt = nowTimestamp();
    await manager.insert(Dossier, dossier);
    await recordEvent(manager, { subgraph: 'procedures', type: 'dossier.received', record: { type: 'Dossier', id: dossier.id }, units: [dossier.unitPath], state: dossier.status });
    await recordDossierChange(manager, null, dossier);
    return dossier;
  });
}
