import 'reflect-metadata';
import { runSubgraph } from '../core/subgraph-definition';
import { procedures } from './index';

runSubgraph(procedures).catch((error) => {
  console.error(error);
  process.exit(1);
});
