import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'graphql';
import { Query, Resolver } from 'type-graphql';
import { scopesNeeded } from '../../gateway/plugins/service-scopes';
import { ServiceScope } from '../../services/core/access/service-scope-directive';
import { readServiceScopeRules } from '../../services/core/access/service-scope-rules';
import { projectRoot } from '../../services/core/config';
import { buildFederatedSchema } from '../../services/core/federated-schema';
import { apiSchema } from '../authorization/graph-walker';

@Resolver()
class UndecidedResolver {
  @Query(() => String)
  newField(): string {
    return '';
  }
}

@Resolver()
class DecidedResolver {
  @Query(() => String)
  @ServiceScope('indicators:read')
  newField(): string {
    return '';
  }
}

/** Every root field declares its service scope (`@serviceScope`) beside its resolver, and the supergraph carries it. */
describe('service scope declarations', () => {
  const schema = apiSchema();
  const rules = readServiceScopeRules(readFileSync(resolve(projectRoot(), 'schema/supergraph.graphql'), 'utf8'));
  const rootFields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));

  it('give every root field of the supergraph a scope, or close it to service clients knowingly', () => {
    expect([...rules.rootFields.keys()].sort()).toEqual([...rootFields].sort());
  });

  it('name only real types', () => {
    expect([...rules.types.keys()].filter((type) => !schema.getType(type))).toEqual([]);
  });

  it('refuse a root field without a decision, or a declaration the gateway would not read', () => {
    const sdl = (directives: string) => `type Query { a: Int @serviceScope(scope: "public") b: Int ${directives} } type T @serviceScope(scope: "dossiers:read") { x: Int }`;
    expect(readServiceScopeRules(sdl('@serviceScope(scope: "closed")')).rootFields.get('Query.b')).toBe('closed');
    expect(() => readServiceScopeRules(sdl(''))).toThrow(/Query\.b has no @serviceScope/);
    expect(() => readServiceScopeRules(sdl('@serviceScope(scope: "dossiers:delete")'))).toThrow(/Query\.b declares @serviceScope\(scope: "dossiers:delete"\)/);
    expect(() => readServiceScopeRules(`type Query { a: Int @serviceScope(scope: "public") } type T @serviceScope(scope: "public") { x: Int @serviceScope(scope: "dossiers:read") }`))
      .toThrow(/type T declares[\s\S]*T\.x declares/);
  });

  it('refuse to build a subgraph whose resolver adds a root field without @ServiceScope', async () => {
    await expect(buildFederatedSchema({ resolvers: [UndecidedResolver] })).rejects.toThrow(/Query\.newField has no @serviceScope/);
    await expect(buildFederatedSchema({ resolvers: [DecidedResolver] })).resolves.toBeDefined();
  });

  it('find the scopes an operation needs wherever it reaches a type, and the closed fields it touches', () => {
    const needs = (query: string) => {
      const { needed, closed } = scopesNeeded(schema, rules, parse(query));
      return { needed: [...needed].sort(), closed: [...closed].sort() };
    };
    expect(needs(`{ unit(code: "62") { name dossierStats(from: "2023-01-01", to: "2023-12-31") { received } dossiers { edges { node { applicant { name } } } } } }`))
      .toEqual({ needed: ['dossiers:read', 'indicators:read'], closed: [] });
    expect(needs(`mutation { receiveDossier(input: {}) { id } }`)).toEqual({ needed: ['dossiers:read', 'dossiers:write'], closed: [] });
    expect(needs(`{ auditLog { totalCount } serviceClients { totalCount } }`)).toEqual({ needed: [], closed: ['Query.auditLog', 'Query.serviceClients'] });
    expect(needs(`{ units(first: 5) { edges { node { code name } } } }`)).toEqual({ needed: [], closed: [] });
  });
});
