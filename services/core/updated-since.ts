import { ArgsType, Field } from 'type-graphql';
import type { ColumnOptions } from 'typeorm';
import { DateTime } from './input/date-time';
import { PageArgs } from './pagination';

/**
 * Pull sync (docs/architecture.md, "Pull sync"): every record type has `updatedAt`, every list
 * an `updatedSince` filter, so a partner catches up after downtime by asking for what changed
 * since the last `updatedAt` it saw.
 *
 * Storage convention: the entity has a property `updatedAt` stored in column `updated_at`
 * (`UPDATED_AT_COLUMN`), text ISO 8601 UTC with milliseconds as `nowTimestamp()` gives, so it
 * sorts as text on SQLite and MariaDB; an index `(updated_at, <key>)`; set in the same
 * transaction as every change of the record. With `updatedSince`, the paging functions
 * (`paginate`, `paginateBatch`, `listsByColumn`, `pageOfRows`, through `page-order.ts`) filter `updatedAt >= since`
 * and order by (updatedAt, key): the column is found by convention, `<alias>.updatedAt` for a
 * key column `<alias>.id`, or `row.updatedAt` for rows in memory.
 */

export const UPDATED_SINCE_DESCRIPTION =
  'Only the records changed at or after this instant (their `updatedAt` >= it), ordered by (`updatedAt`, id) ascending, the order `after` cursors continue in, so pages continue exactly after ties. For pull sync: pass the last `updatedAt` you received (docs: README, "Pull sync"). Without it, the list keeps its usual order. A value that is not an ISO 8601 date-time on a real day is BAD_USER_INPUT.';

/** `PageArgs` with `updatedSince`: the arguments of a list that a partner can pull changes from. */
@ArgsType()
export class SyncPageArgs extends PageArgs {
  @Field(() => DateTime, { nullable: true, description: UPDATED_SINCE_DESCRIPTION })
  updatedSince?: Date;
}

/** The TypeORM options of the `updatedAt` property: `@Column(UPDATED_AT_COLUMN) updatedAt!: string`. */
export const UPDATED_AT_COLUMN: ColumnOptions = { name: 'updated_at', type: 'varchar', length: 24 };
