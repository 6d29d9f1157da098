import './env';
import { buildTemplates } from './templates';

/** Runs once before every suite: the demo data, loaded once per subgraph and database kind. */
export default async function globalSetup() {
  const started = Date.now();
  await buildTemplates();
  console.log(`\ndemo data templates ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
