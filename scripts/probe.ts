import { envInt } from '../services/core/config';

/**
 * A container's health check, for images without curl: `node dist/scripts/probe.js ready`
 * asks this container's own process (`PORT`) for `/ready` (or `/live`) and exits 0 when it
 * answers 200, else 1 (docker-compose.yml; Kubernetes asks over HTTP itself).
 */
const probe = process.argv[2] ?? 'ready';
if (probe !== 'ready' && probe !== 'live') {
  console.error('usage: probe.js ready|live');
  process.exit(2);
}
fetch(`http://127.0.0.1:${envInt('PORT', 4000)}/${probe}`, { signal: AbortSignal.timeout(4000) }).then(
  (answer) => process.exit(answer.ok ? 0 : 1),
  () => process.exit(1),
);
