// Written by `npm run migration:generate` from the files beside it; not edited by hand.
import type { DriverMigrations } from '../../core/migrations/driver-migrations';
import { Initial1796032583693 as mariadbInitial1796032583693 } from './mariadb/1796032583693-Initial';
import { TwoTierUnits1796037111328 as mariadbTwoTierUnits1796037111328 } from './mariadb/1796037111328-TwoTierUnits';
import { Webhooks1796043318230 as mariadbWebhooks1796043318230 } from './mariadb/1796043318230-Webhooks';
import { PullSync1796054159849 as mariadbPullSync1796054159849 } from './mariadb/1796054159849-PullSync';
import { Initial1796032583693 as sqliteInitial1796032583693 } from './sqlite/1796032583693-Initial';
import { TwoTierUnits1796037111328 as sqliteTwoTierUnits1796037111328 } from './sqlite/1796037111328-TwoTierUnits';
import { Webhooks1796043318230 as sqliteWebhooks1796043318230 } from './sqlite/1796043318230-Webhooks';
import { PullSync1796054159849 as sqlitePullSync1796054159849 } from './sqlite/1796054159849-PullSync';

/** The institutions subgraph's migrations, oldest first, one list per database kind (README, "Migrations"). */
export const institutionsMigrations: DriverMigrations = {
  mariadb: [mariadbInitial1796032583693, mariadbTwoTierUnits1796037111328, mariadbWebhooks1796043318230, mariadbPullSync1796054159849],
  sqlite: [sqliteInitial1796032583693, sqliteTwoTierUnits1796037111328, sqliteWebhooks1796043318230, sqlitePullSync1796054159849],
};
