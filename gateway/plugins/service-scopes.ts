import type { ApolloServerPlugin } from '@apollo/server';
import { TypeInfo, getNamedType, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { forbidden } from '../../services/core/errors';
import type { ServiceScopeRules } from '../../services/core/access/service-scope-rules';
import { operationHash } from '../../services/core/principal';
import { effectiveScopes, type ServiceScope } from '../../services/core/access/service-scopes';
import type { RefusalRecorder } from '../gateway-audit';
import type { GatewayContext } from '../principal-forwarding';

/**
 * What an operation touches that a service client needs scopes for, and what is closed to it,
 * by the `@serviceScope` declarations of the supergraph (`rules`; a root field without one is closed).
 */
export function scopesNeeded(schema: GraphQLSchema, rules: ServiceScopeRules, document: DocumentNode, operationName?: string | null) {
  const needed = new Set<ServiceScope>();
  const closed = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const rootTypes = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition(node) {
        // Only the operation that runs counts, not its siblings in the document.
        if (operationName && node.name?.value !== operationName) return false;
        return undefined;
      },
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field || node.name.value.startsWith('__')) return;
        if (rootTypes.has(parent.name)) {
          const rule = rules.rootFields.get(`${parent.name}.${field.name}`) ?? 'closed';
          if (rule === 'closed') closed.add(`${parent.name}.${field.name}`);
          else if (rule !== 'public') needed.add(rule);
        }
        const typeScope = rules.types.get(getNamedType(field.type).name);
        if (typeScope) needed.add(typeScope);
      },
    }),
  );
  return { needed, closed };
}

/**
 * A service client's operation may touch only what its scopes grant (checked once per
 * operation on the composed schema, before planning); people are governed by their roles.
 */
export function serviceScopePlugin(
  refused: RefusalRecorder,
  rules: ServiceScopeRules,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, schema, document, operationName, source }) {
          const principal = contextValue.principal;
          if (principal?.kind !== 'SERVICE') return;
          const { needed, closed } = scopesNeeded(schema, rules, document, operationName);
          const held = effectiveScopes(principal.scopes);
          const missing = [...needed].filter((scope) => !held.has(scope));
          if (closed.size === 0 && missing.length === 0) return;
          const detail = closed.size
            ? `${[...closed].join(', ')} ${closed.size === 1 ? 'is' : 'are'} not open to service clients`
            : `The operation needs the scope(s) ${missing.join(', ')}; client ${principal.subject} holds ${principal.scopes.join(', ') || 'none'}`;
          await refused(contextValue, detail, operationName ?? null, source ? operationHash(source) : null);
          throw forbidden(detail, { missingScopes: missing, closedFields: [...closed] }, { status: 403 });
        },
      };
    },
  };
}
