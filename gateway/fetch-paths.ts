import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { Kind, parse, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * Where the fields of one subgraph fetch sit in the answer, so a subgraph that is down or
 * refuses can have its error put at each field's path (`docs/architecture.md`, "Partial answers").
 */
type Path = (string | number)[];

const responseKey = (field: FieldNode) => field.alias?.value ?? field.name.value;

/** The fields a selection set asks of an object of `typename`, through inline fragments and spreads. */
function fieldsOf(selectionSet: SelectionSetNode, typename: string | undefined, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    if (!fragment) return [];
    const condition = fragment.typeCondition?.name.value;
    if (condition && typename && condition !== typename) return [];
    return fieldsOf(fragment.selectionSet, typename, fragments);
  });
}

/**
 * Where in the subgraph's answer each field of a fetch would have been: `[field]` for a root
 * fetch, `['_entities', i, field]` for each entity of an entity fetch. The gateway turns them
 * into paths of the client's answer.
 */
export function fetchFieldPaths(document: DocumentNode, variables: Record<string, unknown> | undefined): Path[] {
  const fragments = new Map(
    document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]),
  );
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const paths: Path[] = [];
  for (const field of fieldsOf(operation.selectionSet, undefined, fragments)) {
    if (field.name.value === '__typename') continue;
    if (field.name.value !== '_entities' || !field.selectionSet) {
      paths.push([responseKey(field)]);
      continue;
    }
    const representations = (variables?.representations as { __typename?: string }[] | undefined) ?? [];
    representations.forEach((representation, index) => {
      for (const inner of fieldsOf(field.selectionSet!, representation.__typename, fragments)) {
        if (inner.name.value !== '__typename') paths.push(['_entities', index, responseKey(inner)]);
      }
    });
  }
  return paths;
}

/** The document of a subgraph fetch: the planner's, or its query text parsed. */
export function documentOf(options: GraphQLDataSourceProcessOptions): DocumentNode | undefined {
  if ('document' in options && options.document) return options.document;
  try {
    return options.request.query ? parse(options.request.query) : undefined;
  } catch {
    return undefined;
  }
}

