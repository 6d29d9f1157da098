import { parse } from 'graphql';
import { ROOT_FIELD_SCOPES, CLOSED_ROOT_FIELDS, TYPE_SCOPES } from '../../gateway/service-scope-rules';
import { scopesNeeded } from '../../gateway/plugins/service-scopes';
import { isServiceScope } from '../../services/core/access/service-scopes';
import { apiSchema } from '../authorization/graph-walker';

/** The service-scope rules cover the whole composed graph: a new root field must be given a rule or closed. */
describe('service scope rules', () => {
  const schema = apiSchema();
  const rootFields = [schema.getQueryType()!, schema.getMutationType()!].flatMap((type) => Object.keys(type.getFields()).map((field) => `${type.name}.${field}`));

  it('give every root field of the supergraph a scope, or close it to service clients knowingly', () => {
    const unruled = rootFields.filter((field) => !(field in ROOT_FIELD_SCOPES) && !CLOSED_ROOT_FIELDS.has(field));
    expect(unruled).toEqual([]);
    const stale = [...Object.keys(ROOT_FIELD_SCOPES), ...CLOSED_ROOT_FIELDS].filter((field) => !rootFields.includes(field));
    expect(stale).toEqual([]);
  });

  it('name only real scopes and types', () => {
    expect(Object.values(ROOT_FIELD_SCOPES).filter((scope) => scope !== 'public' && !isServiceScope(scope))).toEqual([]);
    expect(Object.keys(TYPE_SCOPES).filter((type) => !schema.getType(type))).toEqual([]);
  });

  it('find the scopes an operation needs wherever it reaches a type, and the closed fields it touches', () => {
    const needs = (query: string) => {
      const { needed, closed } = scopesNeeded(schema, parse(query));
      return { needed: [...needed].sort(), closed: [...closed].sort() };
    };
    expect(needs(`{ unit(code: "62") { name dossierStats(from: "2023-01-01", to: "2023-12-31") { received } dossiers { edges { node { applicant { name } } } } } }`))
      .toEqual({ needed: ['dossiers:read', 'indicators:read'], closed: [] });
    expect(needs(`mutation { receiveDossier(input: {}) { id } }`)).toEqual({ needed: ['dossiers:read', 'dossiers:write'], closed: [] });
    expect(needs(`{ auditLog { totalCount } serviceClients { totalCount } }`)).toEqual({ needed: [], closed: ['Query.auditLog', 'Query.serviceClients'] });
    expect(needs(`{ units(first: 5) { edges { node { code name } } } }`)).toEqual({ needed: [], closed: [] });
  });
});
