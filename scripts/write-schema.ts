import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from '../services/core/config';
import { composeSupergraph } from './supergraph';

/** `npm run schema`: writes schema/<subgraph>.graphql and schema/supergraph.graphql. */
async function main() {
  const folder = resolve(projectRoot(), 'schema');
  const { subgraphs, supergraph } = await composeSupergraph();
  for (const { name, sdl } of subgraphs) writeFileSync(resolve(folder, `${name}.graphql`), sdl);
  writeFileSync(resolve(folder, 'supergraph.graphql'), supergraph);
  console.log(`wrote ${subgraphs.length} subgraph schemas and the supergraph to ${folder}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
