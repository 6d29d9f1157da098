import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { badInput } from '../errors';
import { fieldsProblem } from './value-rules';

/**
 * The first argument of an operation whose value breaks the input rules (`value-rules.ts`),
 * as BAD_USER_INPUT with HTTP 400, `extensions.argument` naming it (`input.receivedAt`) and
 * `path` the response keys of the field that has it (`["unit", "dossierStats"]`); null when
 * every argument holds. Literals and variables alike: each field's arguments are coerced as
 * the executor would coerce them. Variables that do not coerce, or fields the schema lacks,
 * are left to GraphQL's own checks.
 */
export function operationArgumentsError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const seenFragments = new Set<string>();

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType | undefined, path: string[]): GraphQLError | null => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const responseKey = selection.alias?.value ?? selection.name.value;
        const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue;
        const fieldPath = [...path, responseKey];
        if (field.args.length > 0) {
          let values: Record<string, unknown>;
          try {
            values = getArgumentValues(field, selection, coerced.coerced);
          } catch {
            continue;
          }
          const problem = fieldsProblem(field.args, values);
          if (problem) {
            const refusal = badInput(`${problem.argument} ${problem.problem} (argument of ${parent!.name}.${field.name})`, problem.argument, { status: 400 });
            return new GraphQLError(refusal.message, { path: fieldPath, extensions: refusal.extensions });
          }
        }
        if (selection.selectionSet) {
          const found = walk(selection.selectionSet, getNamedType(field.type) as GraphQLCompositeType, fieldPath);
          if (found) return found;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
        const found = walk(selection.selectionSet, type, path);
        if (found) return found;
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment's arguments are the same wherever it is spread: checked once.
        if (!fragment || seenFragments.has(name)) continue;
        seenFragments.add(name);
        const found = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined, path);
        if (found) return found;
      }
    }
    return null;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  return walk(operation.selectionSet, root ?? undefined, []);
}
