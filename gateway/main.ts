import 'reflect-metadata';
import { gatewayConfigFromEnv } from './config';
import { startGateway } from './gateway-server';

startGateway(gatewayConfigFromEnv())
  .then((running) => {
    console.log(`gateway ready at ${running.url}/graphql (playground: ${running.url}/playground)`);
    const stop = () => running.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  })
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
