import 'reflect-metadata';
import { runSubgraph } from '../core/subgraph-definition';
import { institutions } from './index';

runSubgraph(institutions).catch((error) => {
  console.error(error);
  process.exit(1);
});
