import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isInterfaceType, isObjectType, specifiedDirectives } from 'graphql';
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

  it('has a current schema/api.graphql, the public API without federation internals (run `npm run schema`)', () => {
    const api = readFileSync(resolve(folder, 'api.graphql'), 'utf8');
    expect(api).toBe(composed.api);
    const schema = buildSchema(api);
    const names = Object.keys(schema.getTypeMap()).filter((name) => !name.startsWith('__'));
    expect(names.filter((name) => /^(join__|link__|_Any$|_Entity$|_Service$|federation__)/i.test(name))).toEqual([]);
    expect(Object.keys(schema.getQueryType()!.getFields()).filter((name) => name.startsWith('_'))).toEqual([]);
    expect(schema.getDirectives().map((directive) => directive.name).filter((name) => !specifiedDirectives.some((d) => d.name === name))).toEqual([]);
    // What clients query: every root field of the supergraph's API is there.
    expect(schema.getQueryType()!.getFields()).toHaveProperty('unit');
  });

  it('describes every type, field, argument and enum value of the public API', () => {
    const schema = buildSchema(readFileSync(resolve(folder, 'api.graphql'), 'utf8'));
    const undescribed: string[] = [];
    const check = (what: string, description: string | null | undefined) => {
      if (!description?.trim()) undescribed.push(what);
    };
    for (const type of Object.values(schema.getTypeMap())) {
      // Introspection types and the built-in scalars are described by the GraphQL specification.
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      check(type.name, type.description);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          check(`${type.name}.${field.name}`, field.description);
          for (const arg of 'args' in field ? field.args : []) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
    expect(undescribed).toEqual([]);
  });

  /**
   * Lists a partner cannot catch up from by updatedAt, and why (issue 15, item 3): each is read
   * whole with its parent, whose own updatedAt moves when the list does.
   */
  const NOT_PULLED: Record<string, string> = {
    'AdministrativeUnit.ancestors': 'at most four units, the path to the root; the unit tree is read by `units(updatedSince)`',
    'Inspection.team': "one to twenty references to officials, set when the inspection is scheduled (the inspection's updatedAt)",
    'DocumentVerification.signatures': 'computed at the moment it is asked for, not stored',
    'ProcedureCatalog.decisions': 'counts summed at the moment they are asked for, not records',
    'SendDocumentPayload.transfers': 'what the mutation just wrote',
  };

  it('gives every record type updatedAt and every list of records updatedSince, but the few that say why not (pull sync)', () => {
    const schema = buildSchema(readFileSync(resolve(folder, 'api.graphql'), 'utf8'));
    const withoutUpdatedAt: string[] = [];
    const withoutUpdatedSince: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const fields = type.getFields();
      if (fields.id && !fields.updatedAt) withoutUpdatedAt.push(type.name);
      for (const field of Object.values(fields)) {
        const named = getNamedType(field.type).name;
        if (named.endsWith('Connection') && !field.args.some((arg) => arg.name === 'updatedSince')) withoutUpdatedSince.push(`${type.name}.${field.name}`);
      }
    }
    expect(withoutUpdatedAt).toEqual([]);
    expect(withoutUpdatedSince.sort()).toEqual(Object.keys(NOT_PULLED).sort());
  });
});
