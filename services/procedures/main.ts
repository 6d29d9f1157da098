import 'reflect-metadata';
import { runSubgraph } from '../core/subgraph-definition';
import { logger } from '../core/observability/logger';
import { procedures } from './index';

runSubgraph(procedures).catch((error) => {
  logger().fatal({ err: error }, 'the subgraph could not start');
  process.exit(1);
});
