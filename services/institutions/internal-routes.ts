import express from 'express';
import { inRequestScope } from '../core/observability/http-scope';
import type { DataSource } from 'typeorm';
import { AUDIT_OUTCOMES, type AuditRecord } from '../core/audit/audit-record';
import { AUDIT_ENDPOINT } from '../core/audit/audit-sink';
import { INTERNAL_CALL_HEADER, verifyInternalCall } from '../core/internal-call';
import { PRINCIPAL_KINDS, ReplayGuard } from '../core/principal';
import { StateUnavailable } from '../core/shared-state';
import type { AuditChain } from './audit/audit-chain';
import { SERVICE_CLIENT_ENDPOINT } from '../core/service-client-record';
import { clientRecord } from './clients/client-record';
import { isHubEvent } from './events/event-check';
import { storeEvents } from './events/event-intake';
import { asBackgroundWork } from '../core/database';

/** Where the emitting subgraphs post their events without NATS (services/core/events/hub-event.ts). */
export const EVENTS_ENDPOINT = 'events';

const isString = (value: unknown): value is string => typeof value === 'string';

/** Checks one record from another process; `source` must be the verified caller. */
function validRecord(value: unknown, caller: string): value is AuditRecord {
  const record = value as AuditRecord;
  if (!record || record.source !== caller || !isString(record.action) || !AUDIT_OUTCOMES.includes(record.outcome)) return false;
  if (!Array.isArray(record.targets) || !record.targets.every(isString)) return false;
  if (record.targetUnitPath != null && !isString(record.targetUnitPath)) return false;
  const actor = record.actor;
  return actor == null || (PRINCIPAL_KINDS.includes(actor.kind) && isString(actor.subject) && isString(actor.unitCode) && isString(actor.unitPath));
}

/**
 * Endpoints for the other hub processes, beside /graphql and outside the supergraph: the audit
 * log takes records here, the gateway looks service clients up here, and the emitting subgraphs
 * post events here. Every call is signed
 * with the internal key, bound to its body and used once.
 */
export function institutionsInternalRoutes(dataSource: DataSource, chain: AuditChain): express.Router {
  const replays = new ReplayGuard('internal-call');
  const router = express.Router();
  router.use(inRequestScope(express.raw({ type: 'application/json', limit: '2mb' })));

  const signed = (endpoint: string, handle: (body: Record<string, unknown>, caller: string) => Promise<[number, unknown]>) =>
    router.post(`/${endpoint}`, async (request, response) => {
      const text = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
      let caller: string;
      try {
        caller = await verifyInternalCall(request.header(INTERNAL_CALL_HEADER), endpoint, text, replays);
      } catch (error) {
        // Refused either way; a replay guard that cannot answer is an outage (503), not a bad call.
        response.status(error instanceof StateUnavailable ? 503 : 401).json({ error: `Refused: ${(error as Error).message}` });
        return;
      }
      try {
        const [status, answer] = await handle(JSON.parse(text) as Record<string, unknown>, caller);
        response.status(status).json(answer);
      } catch (error) {
        response.status(500).json({ error: String((error as Error).message ?? error) });
      }
    });

  signed(AUDIT_ENDPOINT, async (body, caller) => {
    const records = body.records;
    if (!Array.isArray(records) || records.length > 1000 || !records.every((record) => validRecord(record, caller))) {
      return [400, { error: 'records must be a list of at most 1000 audit records whose source is the caller' }];
    }
    const entries = await chain.append(records);
    return [200, { appended: entries.length, lastSequence: entries.at(-1)?.sequence ?? null }];
  });

  signed(SERVICE_CLIENT_ENDPOINT, async (body) => {
    const found = isString(body.clientId) ? await clientRecord(dataSource, body.clientId) : null;
    return found ? [200, found] : [404, { error: 'unknown client' }];
  });

  // 200 only once every event of the batch is stored (once by id): the caller may mark them sent then.
  signed(EVENTS_ENDPOINT, async (body, caller) => {
    const events = body.events;
    if (!Array.isArray(events) || events.length > 1000 || !events.every((event) => isHubEvent(event, caller))) {
      return [400, { error: 'events must be a list of at most 1000 HubEvents about records of the caller' }];
    }
    // The relays' delivery path, beside the requests: its statements are no request's (StatementCounter).
    return [200, await asBackgroundWork(() => storeEvents(dataSource, events))];
  });

  return router;
}
