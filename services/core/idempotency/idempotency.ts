import type { EntityManager } from 'typeorm';
import type { SubgraphContext } from '../context';
import { badInput, hubError } from '../errors';
import { requirePrincipal } from '../access';
import type { Principal } from '../principal';
import { sha256 } from '../sha256';
import { isUniqueViolation, isRetryableConflict } from '../write-conflicts';
import { IdempotencyRecord } from './idempotency-record';

/**
 * Idempotency keys of creating mutations (README, "Idempotent mutations"). The key follows the
 * IETF draft "The Idempotency-Key HTTP Header Field" (draft-ietf-httpapi-idempotency-key-header):
 * a string of 1 to 128 printable ASCII characters (a UUID is a good one) that the client picks
 * per operation and sends again, unchanged, with the same input on a retry.
 *
 * - A key is scoped to the principal that used it (its kind, subject and unit): another
 *   principal's key, however equal, is another key, and nothing of its result is seen.
 * - A retry with the same key and the same input answers what the first request created.
 * - The same key with another input, or on another mutation, is CONFLICT (`argument: clientKey`),
 *   and nothing is written.
 * - A request that fails leaves no key behind: it may be sent again under the same key.
 */
export const CLIENT_KEY_PATTERN = /^[\x20-\x7E]{1,128}$/;

/** What the first request created, as ids, and how to answer them again on a retry. */
export interface IdempotentResult<T> {
  idsOf: (value: T) => string[];
  /** The answer of a retry, from the ids the first request recorded (read in `manager`). */
  load: (manager: EntityManager, ids: string[]) => Promise<T>;
}

/** One entity with an `id`, answered again by its id. */
export function entityResult<T extends { id: string }>(entity: new () => T): IdempotentResult<T> {
  return {
    idsOf: (value) => [value.id],
    load: (manager, [id]) => manager.getRepository(entity).findOneByOrFail({ id } as never) as Promise<T>,
  };
}

/** A list of entities, answered again in the order the first request gave them. */
export function entityListResult<T extends { id: string }>(entity: new () => T): IdempotentResult<T[]> {
  return {
    idsOf: (values) => values.map((value) => value.id),
    load: async (manager, ids) => {
      const rows = await manager.getRepository(entity).findBy(ids.map((id) => ({ id })) as never);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id)!);
    },
  };
}

export interface IdempotentRequest<T> {
  /** The mutation's field name. */
  mutation: string;
  /** The client's key; absent or null: the request is not idempotent and runs as it is. */
  clientKey: string | null | undefined;
  /** The mutation's arguments; `clientKey` among them is left out of the hash. */
  input: object;
  result: IdempotentResult<T>;
}

/** Runs `work` in one transaction, the idempotency key's check and record in it too. */
export type TransactionalWrite<T> = (work: (manager: EntityManager) => Promise<T>) => Promise<T>;

/** Key order, `undefined` and `null` (an optional argument left out or sent null) and a time's offset do not change the hash. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  // A DateTime argument arrives as a Date, which has no entries: hashed as its instant, so one
  // time written with another offset is the same input.
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key, child]) => key !== 'clientKey' && child !== undefined && child !== null)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, child]) => [key, canonical(child)]),
    );
  }
  return value;
}

export const requestHashOf = (mutation: string, input: object) => sha256(JSON.stringify([mutation, canonical(input)]));

const ownerOf = (principal: Principal) => sha256(JSON.stringify([principal.kind, principal.subject, principal.unitCode]));

/** Checks a client key's form: BAD_USER_INPUT naming `clientKey` otherwise. */
export function assertClientKey(clientKey: string): string {
  if (!CLIENT_KEY_PATTERN.test(clientKey)) throw badInput('clientKey must have 1 to 128 printable ASCII characters (a UUID, for example)', 'clientKey');
  return clientKey;
}

const reused = (mutation: string, record: IdempotencyRecord) =>
  hubError(
    'CONFLICT',
    record.mutation === mutation
      ? `This clientKey was already used for a ${mutation} with other input: use a new key for a new request`
      : `This clientKey was already used for ${record.mutation}: use a new key for a new request`,
    { argument: 'clientKey' },
  );

/** Thrown inside the transaction when the key is already recorded: unwinds the write, answers the first result. */
class Replay {
  constructor(readonly record: IdempotencyRecord) {}
}

const MAX_DEADLOCK_RETRIES = 5;

/**
 * Runs a creating mutation once per client key. `body` validates and prepares as it would
 * without a key, and makes its writes through `write`, which opens the transaction and, in it,
 * first looks the key up (a retry ends there with the first result), then runs the work, then
 * records the key with the ids of what was created. A concurrent request with the same key
 * fails on the key's unique index, its transaction rolls back, and it answers the winner's
 * result. A key seen before `body` starts answers at once, before any validation, so a retry
 * is answered even when the world has moved on (a procedure withdrawn since, a number taken).
 */
export async function idempotent<T>(
  context: SubgraphContext,
  request: IdempotentRequest<T>,
  body: (write: TransactionalWrite<T>) => Promise<T>,
): Promise<T> {
  if (request.clientKey === undefined || request.clientKey === null) {
    return body((work) => context.dataSource.transaction(work));
  }
  const clientKey = assertClientKey(request.clientKey);
  const owner = ownerOf(requirePrincipal(context.principal));
  const requestHash = requestHashOf(request.mutation, request.input);
  const records = () => context.dataSource.getRepository(IdempotencyRecord);
  const answer = async (record: IdempotencyRecord) => {
    if (record.mutation !== request.mutation || record.requestHash !== requestHash) throw reused(request.mutation, record);
    return request.result.load(context.dataSource.manager, JSON.parse(record.resultIds) as string[]);
  };

  const seen = await records().findOneBy({ owner, clientKey });
  if (seen) return answer(seen);

  const write: TransactionalWrite<T> = async (work) => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await context.dataSource.transaction(async (manager) => {
          const first = await manager.getRepository(IdempotencyRecord).findOneBy({ owner, clientKey });
          if (first) throw new Replay(first);
          const value = await work(manager);
          await manager.insert(IdempotencyRecord, {
            owner,
            clientKey,
            mutation: request.mutation,
            requestHash,
            resultIds: JSON.stringify(request.result.idsOf(value)),
            createdAt: new Date().toISOString(),
          });
          return value;
        });
      } catch (error) {
        if (error instanceof Replay) return answer(error.record);
        if (!isRetryableConflict(error)) throw error;
        // Lost a race: on the key (or on the work's own unique index) to a request that has
        // committed; answer it if it was this key's.
        const winner = await records().findOneBy({ owner, clientKey });
        if (winner) return answer(winner);
        if (isUniqueViolation(error) || attempt >= MAX_DEADLOCK_RETRIES) throw error;
      }
    }
  };
  return body(write);
}

/** The schema description of the optional `clientKey` of every creating mutation but receiveDossier (where it is required). */
export const CLIENT_KEY_DESCRIPTION =
  'Idempotency key (optional, recommended): 1 to 128 printable ASCII characters, a UUID for example. A retry with the same key and the same ' +
  'input returns what the first request created; the same key with other input is a CONFLICT. Keys belong to the principal that used them ' +
  'and are kept at least 24 hours.';
