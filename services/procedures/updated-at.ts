import { instantOf } from '../core/time';
import type { Dossier } from './dossier/dossier';
import type { Procedure } from './procedure/procedure';

/**
 * `updatedAt` of the procedures subgraph's records for what was not written live (the demo
 * seed; the migration's backfill says the same in SQL): pull sync, core/updated-since.ts.
 * Writes of the graph stamp `nowTimestamp()` instead, in the transaction of the change.
 */

type Lifecycle = Pick<Dossier, 'receivedAt' | 'supplementSince' | 'resolvedAt' | 'closedAt' | 'returnedAt' | 'apologyAt'>;

/** The latest time anything happened to the dossier (stored local time): a new event cannot come before it. */
export const lastEventOf = (dossier: Lifecycle) =>
  [dossier.receivedAt, dossier.supplementSince, dossier.resolvedAt, dossier.closedAt, dossier.returnedAt, dossier.apologyAt]
    .filter((time): time is string => time !== null)
    .reduce((latest, time) => (time > latest ? time : latest));

/** A demo dossier, stamped with its latest lifecycle instant (UTC ISO text, as `nowTimestamp()`). */
export const stampedDossier = <T extends Lifecycle>(dossier: T): T & { updatedAt: string } => ({ ...dossier, updatedAt: instantOf(lastEventOf(dossier)).toISOString() });

/** A demo procedure, stamped with its withdrawal day, else its publishing day, 00:00 in Vietnam. */
export const stampedProcedure = <T extends Pick<Procedure, 'publishedOn' | 'withdrawnOn'>>(procedure: T): T & { updatedAt: string } => ({
  ...procedure,
  updatedAt: instantOf(`${procedure.withdrawnOn ?? procedure.publishedOn} 00:00:00`).toISOString(),
});
