// Validates Kubernetes manifests against the API's JSON schemas, offline (kubernetes-models ships
// them, compiled). ES module only, so test/deployment/kubernetes.test.ts runs it as its own
// process: `node validate-kubernetes.mjs file.yaml…` prints one JSON line per document,
// { file, kind, name, errors } (errors null when valid), and exits 0.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** kubernetes-models' module of an apiVersion and kind: `apps/v1` → `apps/v1/Deployment`, `v1` → `v1/Service`. */
const modelPath = (apiVersion, kind) => `kubernetes-models/${apiVersion}/${kind}`;

for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) {
    const object = document.toJS();
    if (!object) continue;
    const { apiVersion, kind } = object;
    const name = object.metadata?.name ?? null;
    let errors = null;
    if (kind === 'Kustomization') {
      // Not an API object: kustomize's own file.
    } else {
      try {
        const model = await import(modelPath(apiVersion, kind));
        new model[kind](object).validate();
      } catch (error) {
        errors = String(error?.message ?? error);
      }
    }
    console.log(JSON.stringify({ file, kind, name, errors }));
  }
}
