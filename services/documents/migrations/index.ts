// Written by `npm run migration:generate` from the files beside it; not edited by hand.
import type { DriverMigrations } from '../../core/migrations/driver-migrations';
import { Initial1796032583693 as mariadbInitial1796032583693 } from './mariadb/1796032583693-Initial';
import { Initial1796032583693 as sqliteInitial1796032583693 } from './sqlite/1796032583693-Initial';

/** The documents subgraph's migrations, oldest first, one list per database kind (README, "Migrations"). */
export const documentsMigrations: DriverMigrations = {
  mariadb: [mariadbInitial1796032583693],
  sqlite: [sqliteInitial1796032583693],
};
