/**
 * The contract between the subgraphs that emit events (an outbox per subgraph, written in the
 * transaction of the change) and institutions, which turns them into webhook deliveries.
 *
 * An event carries ids and states, never personal data (issue 15, item 1): a partner that needs
 * the record reads it through the graph with its own rights.
 *
 * Transport: with `NATS_URL` set, each event is published to the JetStream stream
 * `HUB_EVENTS` on subject `hub.events.<subgraph>.<type>` with `Nats-Msg-Id` = `id`
 * (JetStream drops a duplicate within its window) and institutions reads it with the durable
 * consumer `hub-webhooks`. Without NATS, the emitting subgraph posts batches to institutions'
 * `/internal/events` (services/core/internal-call.ts). Either way institutions stores each event
 * once by `id` (at-least-once delivery up to it, exactly-once storage there).
 */
export const EVENT_TYPES = [
  'dossier.received',
  'dossier.state_changed',
  'dossier.resolved',
  'dossier.returned',
  'document.sent',
  'document.arrived',
  'document.accepted',
  'document.refused',
  'inspection.concluded',
  'finding.remedied',
] as const;
export type HubEventType = (typeof EVENT_TYPES)[number];

export interface HubEvent {
  /** Globally unique (UUID v4), the idempotency key of every hop; also the Standard Webhooks `webhook-id`. */
  id: string;
  type: HubEventType;
  /** When the change was committed, ISO 8601 with offset (UTC `Z`). */
  occurredAt: string;
  /** The subgraph that owns the record. */
  subgraph: 'procedures' | 'documents' | 'inspections';
  /** The record that changed: its GraphQL type name and id. */
  record: { type: 'Dossier' | 'Document' | 'Inspection' | 'Finding'; id: string };
  /**
   * The unit the record belongs to (its id and materialized path, as stored with the record):
   * institutions delivers it only to clients whose unit covers this one (rule 1, rule 13).
   * For a document exchanged between units, the receiving unit's events carry the receiving unit.
   */
  unit: { id: string; path: string };
  /** The record's state after the change (enum value as in the graph), and before it when it moved. */
  state: string;
  previousState?: string;
  /** Per record, increasing: deliveries of one record's events keep this order. */
  sequence: number;
}
