import 'reflect-metadata';
import { runSubgraph } from '../core/subgraph-definition';
import { inspections } from './index';

runSubgraph(inspections).catch((error) => {
  console.error(error);
  process.exit(1);
});
