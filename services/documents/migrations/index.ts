// Written by `npm run migration:generate` from the files beside it; not edited by hand.
import type { DriverMigrations } from '../../core/migrations/driver-migrations';
import { Initial1796032583693 as mariadbInitial1796032583693 } from './mariadb/1796032583693-Initial';
import { EventOutbox1796043142451 as mariadbEventOutbox1796043142451 } from './mariadb/1796043142451-EventOutbox';
import { UpdatedAt1796053552205 as mariadbUpdatedAt1796053552205 } from './mariadb/1796053552205-UpdatedAt';
import { Initial1796032583693 as sqliteInitial1796032583693 } from './sqlite/1796032583693-Initial';
import { EventOutbox1796043142451 as sqliteEventOutbox1796043142451 } from './sqlite/1796043142451-EventOutbox';
import { UpdatedAt1796053552205 as sqliteUpdatedAt1796053552205 } from './sqlite/1796053552205-UpdatedAt';

/** The documents subgraph's migrations, oldest first, one list per database kind (README, "Migrations"). */
export const documentsMigrations: DriverMigrations = {
  mariadb: [mariadbInitial1796032583693, mariadbEventOutbox1796043142451, mariadbUpdatedAt1796053552205],
  sqlite: [sqliteInitial1796032583693, sqliteEventOutbox1796043142451, sqliteUpdatedAt1796053552205],
};
