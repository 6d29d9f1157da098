import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectRoot } from '../../services/core/config';
import { SUBGRAPHS } from '../../services/registry';
import { composeSupergraph } from '../../scripts/supergraph';

/** schema/ is what front ends run code generators on and what the gateway serves: it must be current. */
describe('checked-in schema', () => {
  const folder = resolve(projectRoot(), 'schema');
  let composed: Awaited<ReturnType<typeof composeSupergraph>>;

  beforeAll(async () => {
    composed = await composeSupergraph();
  });

  it('composes every registered subgraph into one supergraph', () => {
    expect(composed.subgraphs.map((subgraph) => subgraph.name)).toEqual(SUBGRAPHS.map((definition) => definition.name));
    expect(composed.supergraph).toContain('type Query');
  });

  it.each(SUBGRAPHS.map((definition) => definition.name))('has a current schema/%s.graphql (run `npm run schema`)', (name) => {
    const written = readFileSync(resolve(folder, `${name}.graphql`), 'utf8');
    expect(written).toBe(composed.subgraphs.find((subgraph) => subgraph.name === name)!.sdl);
  });

  it('has a current schema/supergraph.graphql (run `npm run schema`)', () => {
    expect(readFileSync(resolve(folder, 'supergraph.graphql'), 'utf8')).toBe(composed.supergraph);
  });
});
