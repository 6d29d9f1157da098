import { Directive } from 'type-graphql';
import type { ServiceScope as ScopeName } from './service-scopes';

/**
 * `@serviceScope(scope: "…")` declares, beside a field or type, what a service client needs to
 * touch it: on a root field a scope, "public" (no scope) or "closed" (people only); on an object
 * type the scope every operation reaching that type needs. The gateway reads it from the
 * supergraph (`@composeDirective` keeps it there). A root field without one is refused when a
 * subgraph builds, when the supergraph is composed and when the gateway starts
 * (`readServiceScopeRules`). The URL only names the spec (it is never fetched).
 */
export const SERVICE_SCOPE_SPEC_URL = 'https://specs.gov-hub.example/serviceScope/v1.0';
export const SERVICE_SCOPE_DIRECTIVE = 'serviceScope';

/** A root field's decision: a scope, no scope needed, or not open to service clients at all. */
export type ServiceScopeRule = ScopeName | 'public' | 'closed';

/** The schema extension and definition each subgraph's SDL starts with. */
export const SERVICE_SCOPE_SDL = `
  extend schema
    @link(url: "${SERVICE_SCOPE_SPEC_URL}", import: ["@${SERVICE_SCOPE_DIRECTIVE}"])
    @composeDirective(name: "@${SERVICE_SCOPE_DIRECTIVE}")

  directive @${SERVICE_SCOPE_DIRECTIVE}(scope: String!) on FIELD_DEFINITION | OBJECT
`;

/**
 * The decorator: `@ServiceScope('dossiers:read')` on a root field (beside `@Query`/`@Mutation`)
 * or an object type (beside `@ObjectType`); 'public' and 'closed' only on root fields.
 */
export function ServiceScope(scope: ScopeName): MethodDecorator & ClassDecorator;
export function ServiceScope(rule: 'public' | 'closed'): MethodDecorator;
export function ServiceScope(rule: ServiceScopeRule): MethodDecorator & ClassDecorator {
  return Directive(`@${SERVICE_SCOPE_DIRECTIVE}(scope: "${rule}")`);
}
