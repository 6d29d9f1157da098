import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { isServiceScope, type ServiceScope } from './service-scopes';
import { SERVICE_SCOPE_DIRECTIVE, type ServiceScopeRule } from './service-scope-directive';

/** What the `@serviceScope` declarations of a schema say, as the gateway checks it. */
export interface ServiceScopeRules {
  /** Every root field ('Query.dossier') with its decision. */
  rootFields: ReadonlyMap<string, ServiceScopeRule>;
  /** Object types that need a scope wherever an operation reaches them ('Dossier' → 'dossiers:read'). */
  types: ReadonlyMap<string, ServiceScope>;
}

const ruleOf = (directives: readonly ConstDirectiveNode[] | undefined) => {
  const directive = directives?.find((node) => node.name.value === SERVICE_SCOPE_DIRECTIVE);
  if (!directive) return undefined;
  const argument = directive.arguments?.find((node) => node.name.value === 'scope');
  return argument?.value.kind === Kind.STRING ? argument.value.value : '';
};

/**
 * Reads the `@serviceScope` declarations of a subgraph's or the supergraph's SDL. Throws an Error
 * naming every root field without a decision and every declaration that is not a known scope,
 * 'public' or 'closed' on a root field, or a known scope on an object type (anything else would
 * be silently ignored by the gateway).
 */
export function readServiceScopeRules(sdl: string | DocumentNode): ServiceScopeRules {
  const document = typeof sdl === 'string' ? parse(sdl) : sdl;
  const rootTypes = rootTypeNames(document);
  const rootFields = new Map<string, ServiceScopeRule>();
  const types = new Map<string, ServiceScope>();
  const problems: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    const isRoot = rootTypes.has(typeName);
    const typeRule = ruleOf(definition.directives);
    if (typeRule !== undefined) {
      if (isRoot || !isServiceScope(typeRule)) problems.push(`type ${typeName} declares @${SERVICE_SCOPE_DIRECTIVE}(scope: "${typeRule}"); a type takes a service scope`);
      else types.set(typeName, typeRule);
    }
    for (const field of definition.fields ?? []) {
      const where = `${typeName}.${field.name.value}`;
      const rule = ruleOf(field.directives);
      if (!isRoot) {
        if (rule !== undefined) problems.push(`${where} declares @${SERVICE_SCOPE_DIRECTIVE}; only root fields and object types take it`);
      } else if (rule === undefined) {
        problems.push(`${where} has no @${SERVICE_SCOPE_DIRECTIVE}: give it a service scope, "public" or "closed"`);
      } else if (rule !== 'public' && rule !== 'closed' && !isServiceScope(rule)) {
        problems.push(`${where} declares @${SERVICE_SCOPE_DIRECTIVE}(scope: "${rule}"), which is no service scope, "public" or "closed"`);
      } else {
        rootFields.set(where, rule);
      }
    }
  }
  if (problems.length) throw new Error(`Service scopes are not declared correctly:\n${problems.join('\n')}`);
  return { rootFields, types };
}

/** The query and mutation types' names: as a schema definition names them, else the defaults. */
function rootTypeNames(document: DocumentNode): Set<string> {
  const named = document.definitions.flatMap((definition) =>
    definition.kind === Kind.SCHEMA_DEFINITION || definition.kind === Kind.SCHEMA_EXTENSION ? (definition.operationTypes ?? []) : [],
  );
  const roots = named.filter((operation) => operation.operation !== 'subscription').map((operation) => operation.type.name.value);
  return new Set(named.length ? roots : ['Query', 'Mutation']);
}
