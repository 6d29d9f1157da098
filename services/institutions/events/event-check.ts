import { EVENT_TYPES, type HubEvent } from '../../core/events/hub-event';
import { recordTypeOf } from '../clients/webhook-registry';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIT_PATH = /^VN(\/[0-9A-Za-z@]{1,20}){0,6}\/?$/;
const SUBGRAPHS: readonly string[] = ['procedures', 'documents', 'inspections'];
const text = (value: unknown, max: number): value is string => typeof value === 'string' && value.length >= 1 && value.length <= max;

/**
 * True when `value` is a HubEvent as the contract says (services/core/events/hub-event.ts), its
 * record of the type its event type names, its columns within their sizes, and, when it came
 * over an internal call, from the subgraph that owns its record (`caller`).
 */
export function isHubEvent(value: unknown, caller?: string): value is HubEvent {
  const event = value as HubEvent;
  if (!event || typeof event !== 'object') return false;
  if (!text(event.id, 36) || !UUID.test(event.id) || !(EVENT_TYPES as readonly string[]).includes(event.type)) return false;
  if (!text(event.occurredAt, 30) || Number.isNaN(Date.parse(event.occurredAt))) return false;
  if (!SUBGRAPHS.includes(event.subgraph) || (caller !== undefined && caller !== event.subgraph)) return false;
  if (!event.record || event.record.type !== recordTypeOf(event.type) || !text(event.record.id, 100)) return false;
  if (!event.unit || !text(event.unit.id, 20) || !text(event.unit.path, 63) || !UNIT_PATH.test(event.unit.path)) return false;
  if (!text(event.state, 40) || (event.previousState !== undefined && event.previousState !== null && !text(event.previousState, 40))) return false;
  return Number.isSafeInteger(event.sequence) && event.sequence >= 0;
}
