import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from '../services/core/config';
import { composeSupergraph } from './supergraph';

/** `npm run schema`: writes schema/<subgraph>.graphql, schema/supergraph.graphql and schema/api.graphql (the public API, for clients). */
async function main() {
  const folder = resolve(projectRoot(), 'schema');
  const { subgraphs, supergraph, api } = await composeSupergraph();
  for (const { name, sdl } of subgraphs) writeFileSync(resolve(folder, `${name}.graphql`), sdl);
  writeFileSync(resolve(folder, 'supergraph.graphql'), supergraph);
  writeFileSync(resolve(folder, 'api.graphql'), api);
  console.log(`wrote ${subgraphs.length} subgraph schemas, the supergraph and the public API schema to ${folder}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
