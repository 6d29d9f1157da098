import type { Dossier } from '../dossier/dossier';
import type { Feedback } from '../feedback/feedback';
import { DossierChannel } from '../dossier/dossier-channel';
import { DossierStatus } from '../dossier/dossier-status';
import { COUNTER_COLUMNS, type CounterColumn, type Counters } from './daily-count';

/**
 * What a dossier counts for, day by day, from its row as it now stands: the one definition the
 * write path (`record.ts`, TypeScript) and the backfill (`backfill.ts`, SQL) both follow. Each
 * figure of the reporting contract is then a sum over days (`sums.ts`), because with periods of
 * whole days (core/time `periodOf`):
 * - the in-period counters are the events dated in the period;
 * - carriedOver = received before the period − closed before it, inProgress = received up to the
 *   end − closed up to the end (a dossier closes after it is received);
 * - overdueInProgress = overdueFrom up to the end − overdueEnded up to the end: a dossier open or
 *   closed late counts `overdueFrom` on its due day, and a late one `overdueEnded` on its closing day.
 */
export interface DayEvents {
  day: string;
  counters: Counters;
}

const dayOf = (time: string) => time.slice(0, 10);
const flag = (condition: boolean) => (condition ? 1 : 0);

export function dossierEvents(dossier: Dossier): DayEvents[] {
  const events: DayEvents[] = [
    {
      day: dayOf(dossier.receivedAt),
      counters: {
        received: 1,
        receivedOnline: flag(dossier.channel === DossierChannel.ONLINE),
        receivedPostal: flag(dossier.channel === DossierChannel.POSTAL),
        paidOnline: flag(Boolean(dossier.paidOnline)),
        components: dossier.componentCount,
        digitizedComponents: dossier.digitizedComponents,
      },
    },
  ];
  const { closedAt, dueAt, resolvedAt, returnedAt } = dossier;
  if (closedAt !== null) {
    events.push({
      day: dayOf(closedAt),
      counters: {
        closed: 1,
        rejected: flag(dossier.status === DossierStatus.REJECTED),
        withdrawn: flag(dossier.status === DossierStatus.WITHDRAWN),
        overdueEnded: flag(closedAt > dueAt),
      },
    });
  }
  if (closedAt === null || closedAt > dueAt) events.push({ day: dayOf(dueAt), counters: { overdueFrom: 1 } });
  if (resolvedAt !== null) {
    events.push({
      day: dayOf(resolvedAt),
      counters: {
        resolved: 1,
        resolvedOnTime: flag(resolvedAt <= dueAt),
        resolvedLateWithApology: flag(resolvedAt > dueAt && dossier.apologyAt !== null),
      },
    });
  }
  if (returnedAt !== null) {
    events.push({
      day: dayOf(returnedAt),
      counters: {
        returned: 1,
        returnedByPost: flag(Boolean(dossier.resultByPost)),
        rated: flag(dossier.rating !== null),
        satisfied: flag(dossier.rating !== null && dossier.rating >= 4),
      },
    });
  }
  return events;
}

export function feedbackEvents(feedback: Feedback): DayEvents[] {
  const events: DayEvents[] = [{ day: dayOf(feedback.receivedAt), counters: { feedbackReceived: 1 } }];
  if (feedback.handledAt !== null) {
    events.push({ day: dayOf(feedback.handledAt), counters: { feedbackHandled: 1, feedbackHandledOnTime: flag(feedback.handledAt <= feedback.dueAt) } });
  }
  return events;
}

/** after − before, per day, without the days and counters that do not change. */
export function eventDelta(before: DayEvents[], after: DayEvents[]): DayEvents[] {
  const byDay = new Map<string, Record<string, number>>();
  const add = (events: DayEvents[], sign: number) => {
    for (const { day, counters } of events) {
      const sums = byDay.get(day) ?? byDay.set(day, {}).get(day)!;
      for (const [name, value] of Object.entries(counters)) sums[name] = (sums[name] ?? 0) + sign * (value ?? 0);
    }
  };
  add(before, -1);
  add(after, 1);
  return [...byDay.entries()].flatMap(([day, sums]) => {
    const counters = Object.fromEntries(Object.entries(sums).filter(([, value]) => value !== 0)) as Counters;
    return Object.keys(counters).length > 0 ? [{ day, counters }] : [];
  });
}

/** The same events in SQL over the `dossier` table `d`: one SELECT per event kind, every counter column in order. */
const DOSSIER_EVENT_SQL: { day: string; where: string; counters: Partial<Record<CounterColumn, string>> }[] = [
  {
    day: 'd.receivedAt',
    where: '1 = 1',
    counters: {
      received: '1',
      receivedOnline: `CASE WHEN d.channel = '${DossierChannel.ONLINE}' THEN 1 ELSE 0 END`,
      receivedPostal: `CASE WHEN d.channel = '${DossierChannel.POSTAL}' THEN 1 ELSE 0 END`,
      paidOnline: 'CASE WHEN d.paidOnline = 1 THEN 1 ELSE 0 END',
      components: 'd.componentCount',
      digitizedComponents: 'd.digitizedComponents',
    },
  },
  {
    day: 'd.closedAt',
    where: 'd.closedAt IS NOT NULL',
    counters: {
      closed: '1',
      rejected: `CASE WHEN d.status = '${DossierStatus.REJECTED}' THEN 1 ELSE 0 END`,
      withdrawn: `CASE WHEN d.status = '${DossierStatus.WITHDRAWN}' THEN 1 ELSE 0 END`,
      overdueEnded: 'CASE WHEN d.closedAt > d.dueAt THEN 1 ELSE 0 END',
    },
  },
  { day: 'd.dueAt', where: '(d.closedAt IS NULL OR d.closedAt > d.dueAt)', counters: { overdueFrom: '1' } },
  {
    day: 'd.resolvedAt',
    where: 'd.resolvedAt IS NOT NULL',
    counters: {
      resolved: '1',
      resolvedOnTime: 'CASE WHEN d.resolvedAt <= d.dueAt THEN 1 ELSE 0 END',
      resolvedLateWithApology: 'CASE WHEN d.resolvedAt > d.dueAt AND d.apologyAt IS NOT NULL THEN 1 ELSE 0 END',
    },
  },
  {
    day: 'd.returnedAt',
    where: 'd.returnedAt IS NOT NULL',
    counters: {
      returned: '1',
      returnedByPost: 'CASE WHEN d.resultByPost = 1 THEN 1 ELSE 0 END',
      rated: 'CASE WHEN d.rating IS NOT NULL THEN 1 ELSE 0 END',
      satisfied: 'CASE WHEN d.rating >= 4 THEN 1 ELSE 0 END',
    },
  },
];

const FEEDBACK_EVENT_SQL: typeof DOSSIER_EVENT_SQL = [
  { day: 'f.receivedAt', where: '1 = 1', counters: { feedbackReceived: '1' } },
  {
    day: 'f.handledAt',
    where: 'f.handledAt IS NOT NULL',
    counters: { feedbackHandled: '1', feedbackHandledOnTime: 'CASE WHEN f.handledAt <= f.dueAt THEN 1 ELSE 0 END' },
  },
];

const columnsOf = (counters: Partial<Record<CounterColumn, string>>) => COUNTER_COLUMNS.map((name) => `${counters[name] ?? '0'} AS ${name}`).join(', ');

/** Every dossier event as a row (unitPath, procedureId, channel, day, counters...), for GROUP BY. */
export const dossierEventRowsSql = (table: string) =>
  DOSSIER_EVENT_SQL.map(
    (event) => `SELECT d.unitPath AS unitPath, d.procedureId AS procedureId, d.channel AS channel, SUBSTR(${event.day}, 1, 10) AS day, ${columnsOf(event.counters)} FROM ${table} d WHERE ${event.where}`,
  ).join(' UNION ALL ');

/** Every feedback event as a row (unitPath, day, counters...). */
export const feedbackEventRowsSql = (table: string) =>
  FEEDBACK_EVENT_SQL.map((event) => `SELECT f.unitPath AS unitPath, SUBSTR(${event.day}, 1, 10) AS day, ${columnsOf(event.counters)} FROM ${table} f WHERE ${event.where}`).join(' UNION ALL ');
