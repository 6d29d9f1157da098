import 'reflect-metadata';
import { runSubgraph } from '../core/subgraph-definition';
import { documents } from './index';

runSubgraph(documents).catch((error) => {
  console.error(error);
  process.exit(1);
});
