import { GraphQLError, Kind, parse, type ValidationRule } from 'graphql';

/** The key fields of every entity in a supergraph: `AdministrativeUnit` -> {id, code}. */
export function entityKeyFields(supergraphSdl: string): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  for (const definition of parse(supergraphSdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type') continue;
      const key = directive.arguments?.find((argument) => argument.name.value === 'key')?.value;
      if (key?.kind !== Kind.STRING) continue;
      // Top-level fields of the key's field set (`id`, `code`; nested selections are not aliased here).
      const fields = key.value.replace(/\{[^}]*\}/g, ' ').split(/\s+/).filter(Boolean);
      const known = keys.get(definition.name.value) ?? new Set<string>();
      for (const field of fields) known.add(field);
      keys.set(definition.name.value, known);
    }
  }
  return keys;
}

/**
 * Refuses an alias that takes the name of an entity's key field for another field
 * (`unit(code: "62") { id: name … }`): Apollo Gateway plans the key under that name and answers
 * the key instead of the field (an upstream planning bug), so the client would get a wrong
 * value. So is `__typename` as an alias of another field, which the gateway answers with the type's
 * name or with a null object. GRAPHQL_VALIDATION_FAILED, HTTP 400, before planning; any other
 * alias is untouched.
 */
export function keyAliasRule(keysByType: Map<string, Set<string>>): ValidationRule {
  return (context) => ({
    Field(node) {
      const alias = node.alias?.value;
      const parent = context.getParentType()?.name;
      if (!alias || !parent || alias === node.name.value) return;
      if (alias === '__typename') {
        // Apollo Gateway answers the type's name under it, or drops the object whole.
        return context.reportError(new GraphQLError(`The alias "__typename" on ${parent}.${node.name.value} is reserved for the type's name. Choose another alias`, { nodes: [node] }));
      }
      if (!keysByType.get(parent)?.has(alias)) return;
      context.reportError(
        new GraphQLError(
          `The alias "${alias}" on ${parent}.${node.name.value} is the name of ${parent}'s key field; Apollo Gateway would answer the key under it. Choose another alias`,
          { nodes: [node] },
        ),
      );
    },
  });
}
