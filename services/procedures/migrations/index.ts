// Written by `npm run migration:generate` from the files beside it; not edited by hand.
import type { DriverMigrations } from '../../core/migrations/driver-migrations';
import { Initial1796032583693 as mariadbInitial1796032583693 } from './mariadb/1796032583693-Initial';
import { EventOutbox1796043142451 as mariadbEventOutbox1796043142451 } from './mariadb/1796043142451-EventOutbox';
import { DossierDailyCounts1796043381776 as mariadbDossierDailyCounts1796043381776 } from './mariadb/1796043381776-DossierDailyCounts';
import { PullSync1796054159849 as mariadbPullSync1796054159849 } from './mariadb/1796054159849-PullSync';
import { Initial1796032583693 as sqliteInitial1796032583693 } from './sqlite/1796032583693-Initial';
import { EventOutbox1796043142451 as sqliteEventOutbox1796043142451 } from './sqlite/1796043142451-EventOutbox';
import { DossierDailyCounts1796043381776 as sqliteDossierDailyCounts1796043381776 } from './sqlite/1796043381776-DossierDailyCounts';
import { PullSync1796054159849 as sqlitePullSync1796054159849 } from './sqlite/1796054159849-PullSync';

/** The procedures subgraph's migrations, oldest first, one list per database kind (README, "Migrations"). */
export const proceduresMigrations: DriverMigrations = {
  mariadb: [mariadbInitial1796032583693, mariadbEventOutbox1796043142451, mariadbDossierDailyCounts1796043381776, mariadbPullSync1796054159849],
  sqlite: [sqliteInitial1796032583693, sqliteEventOutbox1796043142451, sqliteDossierDailyCounts1796043381776, sqlitePullSync1796054159849],
};
