import 'reflect-metadata';
import { checkSecretsAtStart, GATEWAY_SECRETS, SecretError } from '../services/core/secrets';
import { gatewayConfigFromEnv } from './config';
import { startGateway } from './gateway-server';
import { closeOnSignals } from '../services/core/shutdown';

try {
  // In production a missing, short or development secret stops the gateway here.
  checkSecretsAtStart(GATEWAY_SECRETS);
} catch (error) {
  if (!(error instanceof SecretError)) throw error;
  console.error(`gateway: ${error.message}`);
  process.exit(1);
}

startGateway(gatewayConfigFromEnv())
  .then((running) => {
    console.log(`gateway ready at ${running.url}/graphql (playground: ${running.url}/playground)`);
    closeOnSignals('gateway', () => running.close());
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
