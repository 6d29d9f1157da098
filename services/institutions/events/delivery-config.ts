import { env, envInt } from '../../core/config';

/** Standard Webhooks' suggested schedule after the first attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
const DEFAULT_SCHEDULE = '5,300,1800,7200,18000,36000,36000';

export interface DeliveryConfig {
  /** Waits before the 2nd, 3rd, … attempt, in milliseconds; a delivery is PARKED after `1 + retryDelaysMs.length` failed attempts. */
  retryDelaysMs: number[];
  /** How long one attempt waits for the receiver's answer. */
  timeoutMs: number;
  /** How often the dispatcher looks for due deliveries. */
  pollMs: number;
}

/**
 * The delivery settings (README, "Webhooks"): `HUB_WEBHOOK_RETRY_SCHEDULE` (seconds between
 * attempts, comma-separated, decimals allowed), `HUB_WEBHOOK_TIMEOUT_MS` (15,000),
 * `HUB_WEBHOOK_POLL_MS` (1,000). Throws on a schedule that is not a list of numbers >= 0.
 */
export function deliveryConfig(): DeliveryConfig {
  const raw = env('HUB_WEBHOOK_RETRY_SCHEDULE') ?? DEFAULT_SCHEDULE;
  const retryDelaysMs = raw.split(',').map((part) => Number(part.trim()) * 1000);
  if (retryDelaysMs.some((delay) => !Number.isFinite(delay) || delay < 0)) throw new Error(`HUB_WEBHOOK_RETRY_SCHEDULE must be seconds separated by commas, got "${raw}"`);
  return { retryDelaysMs, timeoutMs: envInt('HUB_WEBHOOK_TIMEOUT_MS', 15_000), pollMs: envInt('HUB_WEBHOOK_POLL_MS', 1_000) };
}
