import type { DataSource } from 'typeorm';
import type { Principal } from './principal';
import { Loaders } from './loaders';

/** What every subgraph resolver receives. */
export interface SubgraphContext {
  /** Absent for a request without a (valid) forwarded principal: public data only. */
  principal?: Principal;
  dataSource: DataSource;
  loaders: Loaders;
}

export const newContext = (dataSource: DataSource, principal?: Principal): SubgraphContext => ({
  principal,
  dataSource,
  loaders: new Loaders(),
});
