import 'reflect-metadata';
import { checkSecretsAtStart, GATEWAY_SECRETS, SecretError } from '../services/core/secrets';
import { gatewayConfigFromEnv } from './config';
import { startGateway } from './gateway-server';
import { closeOnSignals } from '../services/core/shutdown';
import { configureLogging, logger } from '../services/core/observability/logger';
import { startTracing, stopTracing } from '../services/core/observability/tracing';
import { collectProcessMetrics } from '../services/core/observability/metrics';

// JSON log lines and traces name this process (HUB_LOG_LEVEL, OTEL_EXPORTER_OTLP_ENDPOINT).
configureLogging({ service: 'gateway' });
startTracing({ serviceName: 'hub-gateway' });
collectProcessMetrics();

try {
  // In production a missing, short or development secret stops the gateway here.
  checkSecretsAtStart(GATEWAY_SECRETS);
} catch (error) {
  if (!(error instanceof SecretError)) throw error;
  logger().fatal(error.message);
  process.exit(1);
}

startGateway(gatewayConfigFromEnv())
  .then((running) => {
    logger().info({ url: `${running.url}/graphql`, playground: `${running.url}/playground` }, 'gateway ready');
    closeOnSignals('gateway', () => running.close().then(stopTracing));
  })
  .catch((error) => {
    logger().fatal({ err: error }, 'the gateway could not start');
    process.exit(1);
  });
