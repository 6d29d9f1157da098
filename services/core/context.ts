import type { DataSource } from 'typeorm';
import type { Principal } from './principal';
import { Loaders } from './loaders';
import type { UnitDirectory } from './unit-directory';

/** What every subgraph resolver receives. */
export interface SubgraphContext {
  /** Absent for a request without a (valid) forwarded principal: public data only. */
  principal?: Principal;
  dataSource: DataSource;
  loaders: Loaders;
  /** Trusted unit lookups (institutions over HTTP, cached): paths for scope checks and writes. */
  units: UnitDirectory;
}

export const newContext = (dataSource: DataSource, units: UnitDirectory, principal?: Principal): SubgraphContext => ({
  principal,
  dataSource,
  loaders: new Loaders(),
  units,
});
