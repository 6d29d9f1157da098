import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { projectRoot } from '../../services/core/config';
import { SUBGRAPHS } from '../../services/registry';

/**
 * Issue 13, item 8: the Kubernetes manifests under deploy/kubernetes/.
 *
 * 1. Schema: every object is validated against the Kubernetes API's JSON schemas by
 *    kubernetes-models (offline, from npm), run as its own process because it is an ES module
 *    (test/support/validate-kubernetes.mjs); a self-test shows it refuses broken manifests.
 * 2. Structure, what a schema cannot see: each process of the hub (the gateway and every
 *    subgraph of the registry) has a Deployment running a program that exists, on its default
 *    port, with a startup and a liveness probe on /live and a readiness probe on /ready, a grace
 *    period longer than preStop plus HUB_SHUTDOWN_GRACE_MS; a Service, a PodDisruptionBudget and
 *    a HorizontalPodAutoscaler that select or target exactly it; every secret by reference to
 *    the Secret hub-secrets (no value in the repository, and no Secret object); production
 *    settings (NODE_ENV=production, no demo data, introspection off); Redis for every process.
 */
const root = projectRoot();
const folder = resolve(root, 'deploy/kubernetes');
const files = readdirSync(folder).filter((file) => file.endsWith('.yaml')).map((file) => join(folder, file));
const objects = files.flatMap((file) => parseAllDocuments(readFileSync(file, 'utf8')).map((document) => document.toJS())).filter(Boolean) as any[];
const ofKind = (kind: string) => objects.filter((object) => object.kind === kind);
const named = (kind: string, name: string) => ofKind(kind).find((object) => object.metadata?.name === name);

function validate(paths: string[]): { file: string; kind: string; name: string | null; errors: string | null }[] {
  const run = spawnSync(process.execPath, [resolve(root, 'test/support/validate-kubernetes.mjs'), ...paths], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return run.stdout.trim().split('\n').map((line) => JSON.parse(line));
}

const PROCESSES = [{ name: 'gateway', port: 4000, program: 'dist/gateway/main.js' }, ...SUBGRAPHS.map((definition) => ({ name: definition.name, port: definition.defaultPort, program: `dist/services/${definition.name}/main.js` }))];
/** Variables set only so Kubernetes can put them into another ($(NAME)). */
const NOT_READ_BY_CODE = new Set(['HUB_DB_PASSWORD', 'REDIS_PASSWORD']);

describe('deploy/kubernetes', () => {
  it('is valid against the Kubernetes API schemas, every object of every file', () => {
    const results = validate(files);
    expect(results.length).toBe(objects.length);
    for (const result of results) expect(result).toEqual({ ...result, errors: null });
    expect(new Set(results.map((result) => result.kind))).toEqual(new Set(['ConfigMap', 'Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'Kustomization']));
  });

  it('has a validator that refuses broken manifests (self-test)', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'k8s-')), 'broken.yaml');
    const deployment = named('Deployment', 'gateway');
    const probeWithoutPort = structuredClone(deployment);
    delete probeWithoutPort.spec.template.spec.containers[0].readinessProbe.httpGet.port;
    const replicasAsText = structuredClone(deployment);
    replicasAsText.spec.replicas = 'two';
    const hpaWithoutTarget = structuredClone(named('HorizontalPodAutoscaler', 'gateway'));
    delete hpaWithoutTarget.spec.scaleTargetRef;
    writeFileSync(broken, [probeWithoutPort, replicasAsText, hpaWithoutTarget].map((object) => JSON.stringify(object)).join('\n---\n'));
    const results = validate([broken]);
    expect(results.map((result) => result.errors)).toEqual([expect.stringMatching(/port/), expect.stringMatching(/replicas/), expect.stringMatching(/scaleTargetRef/)]);
  });

  it('lists every file in its kustomization', () => {
    const kustomization = objects.find((object) => object.kind === 'Kustomization');
    expect([...kustomization.resources].sort()).toEqual(files.map((file) => file.slice(folder.length + 1)).filter((file) => file !== 'kustomization.yaml').sort());
  });

  describe.each(PROCESSES)('$name', ({ name, port, program }) => {
    const deployment = named('Deployment', name);
    const container = deployment?.spec.template.spec.containers[0];
    const labels = deployment?.spec.template.metadata.labels;

    it('runs its program on its port, with probes on /live and /ready and a grace period for the drain', () => {
      expect(deployment.spec.selector.matchLabels).toEqual(labels);
      expect(container.command).toEqual(['node', program]);
      expect(existsSync(resolve(root, program.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
      expect(container.ports).toEqual([{ name: 'http', containerPort: port }]);
      expect(container.env.find((variable: any) => variable.name === 'PORT')).toEqual({ name: 'PORT', value: String(port) });
      expect(container.startupProbe.httpGet).toEqual({ path: '/live', port: 'http' });
      expect(container.livenessProbe.httpGet).toEqual({ path: '/live', port: 'http' });
      expect(container.readinessProbe.httpGet).toEqual({ path: '/ready', port: 'http' });
      const config = named('ConfigMap', 'hub-config').data;
      const preStop = Number(container.lifecycle.preStop.exec.command[1]);
      expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(preStop + Number(config.HUB_SHUTDOWN_GRACE_MS) / 1000);
      expect(deployment.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      expect(container.resources.requests.cpu).toBeDefined();
    });

    it('has a Service, a PodDisruptionBudget and a HorizontalPodAutoscaler for exactly it', () => {
      const service = named('Service', name);
      expect(service.spec.selector).toEqual(labels);
      expect(service.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
      const budget = named('PodDisruptionBudget', name);
      expect(budget.spec.selector.matchLabels).toEqual(labels);
      expect(budget.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
      const autoscaler = named('HorizontalPodAutoscaler', name);
      expect(autoscaler.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect(autoscaler.spec.minReplicas).toBeGreaterThanOrEqual(deployment.spec.replicas);
      expect(autoscaler.spec.maxReplicas).toBeGreaterThan(autoscaler.spec.minReplicas);
    });

    it('takes every secret by reference to hub-secrets, and production settings from hub-config', () => {
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'hub-config' } }]);
      for (const variable of container.env) {
        if (/SECRET|PASSWORD|KEY/.test(variable.name)) {
          expect({ name: variable.name, value: variable.value }).toEqual({ name: variable.name, value: undefined });
          expect(variable.valueFrom.secretKeyRef.name).toBe('hub-secrets');
        }
        // A URL with a password is assembled by Kubernetes from a secret, never written out.
        if (/_URL$/.test(variable.name) && /@/.test(variable.value ?? '')) expect(variable.value).toMatch(/:\$\((HUB_DB_PASSWORD|REDIS_PASSWORD)\)@/);
      }
      const names = container.env.map((variable: any) => variable.name);
      expect(names).toEqual(expect.arrayContaining(['HUB_INTERNAL_SECRET', 'REDIS_URL']));
      if (name !== 'gateway') expect(names).toContain('DATABASE_URL');
      expect(names.includes('HUB_KEY_ENCRYPTION_KEY')).toBe(name === 'documents');
      // $(NAME) refers only to a variable defined above it.
      container.env.forEach((variable: any, index: number) => {
        for (const [, used] of (variable.value ?? '').matchAll(/\$\(([A-Z0-9_]+)\)/g)) expect(names.slice(0, index)).toContain(used);
      });
    });
  });

  it('sets production for every process, and only variables the hub reads', () => {
    const config = named('ConfigMap', 'hub-config').data;
    expect(config).toMatchObject({ NODE_ENV: 'production', HUB_SEED_DEMO: 'false', HUB_INTROSPECTION: 'off' });
    expect(ofKind('Secret')).toEqual([]);
    const read = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (path.endsWith('.ts')) for (const [, variable] of readFileSync(path, 'utf8').matchAll(/\benv(?:Int|Bool)?\('([A-Z0-9_]+)'/g)) read.add(variable);
      }
    };
    for (const dir of ['services', 'gateway', 'scripts']) walk(resolve(root, dir));
    const set = [...Object.keys(config), ...ofKind('Deployment').flatMap((deployment) => deployment.spec.template.spec.containers[0].env.map((variable: any) => variable.name))];
    for (const variable of new Set(set)) expect({ variable, read: read.has(variable) || NOT_READ_BY_CODE.has(variable) }).toEqual({ variable, read: true });
  });
});
