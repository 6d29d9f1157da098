import { readFileSync } from 'node:fs';
import { Kind, parse, type ConstDirectiveNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';
import { SUPERGRAPH_FILE } from '../../gateway/config';

/**
 * docs/architecture.md, "Partial answers": a field whose value comes from another subgraph than
 * its parent's, or that a subgraph can refuse or fail to give alone, is nullable, so a
 * subgraph that is down costs its own fields and nothing above them. Generated from the
 * supergraph: every root query field, every field a subgraph adds to an entity another owns, and
 * every reference to an entity another subgraph owns (the items, for a list).
 */
const supergraph = parse(readFileSync(SUPERGRAPH_FILE, 'utf8'));
const objects = supergraph.definitions.filter((definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION);

const argument = (directive: ConstDirectiveNode, name: string) => {
  const value = directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  return value && (value.kind === Kind.ENUM || value.kind === Kind.STRING) ? value.value : undefined;
};
const joins = (node: { directives?: readonly ConstDirectiveNode[] }, name: string) => (node.directives ?? []).filter((directive) => directive.name.value === name);
const graphsOfType = (type: ObjectTypeDefinitionNode) => joins(type, 'join__type').map((directive) => argument(directive, 'graph')!);
const keysOf = (type: ObjectTypeDefinitionNode) => new Set(joins(type, 'join__type').map((directive) => argument(directive, 'key')).filter(Boolean));
const graphsOfField = (type: ObjectTypeDefinitionNode, field: FieldDefinitionNode) => {
  const fieldJoins = joins(field, 'join__field').map((directive) => argument(directive, 'graph')).filter(Boolean) as string[];
  return fieldJoins.length ? fieldJoins : [...new Set(graphsOfType(type))];
};
const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
/** The type of a field's value, or of its items for a list. */
const innermost = (type: TypeNode): TypeNode => {
  const inner = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  return inner.kind === Kind.LIST_TYPE ? innermost(inner.type) : type;
};

/** The owner of an entity: the subgraph that gives most of its fields besides the key. */
const owners = new Map<string, string>();
for (const type of objects) {
  const keys = keysOf(type);
  if (keys.size === 0) continue;
  const counts = new Map<string, number>();
  for (const field of type.fields ?? []) {
    if (keys.has(field.name.value)) continue;
    for (const graph of graphsOfField(type, field)) counts.set(graph, (counts.get(graph) ?? 0) + 1);
  }
  owners.set(type.name.value, [...counts].sort((a, b) => b[1] - a[1])[0][0]);
}

interface Rule {
  field: string;
  why: string;
  type: TypeNode;
}

const rules: Rule[] = [];
for (const type of objects) {
  const keys = keysOf(type);
  for (const field of type.fields ?? []) {
    const name = `${type.name.value}.${field.name.value}`;
    const graphs = graphsOfField(type, field);
    if (type.name.value === 'Query') rules.push({ field: name, why: 'a root field: its subgraph can be down', type: field.type });
    const owner = owners.get(type.name.value);
    if (owner && !keys.has(field.name.value) && !graphs.includes(owner)) {
      rules.push({ field: name, why: `added by ${graphs.join(', ')} to an entity ${owner} owns`, type: field.type });
    }
    const target = owners.get(namedType(field.type));
    if (target && !graphs.includes(target)) rules.push({ field: name, why: `a reference to an entity ${target} owns`, type: innermost(field.type) });
  }
}

describe('nullability follows where a value comes from', () => {
  it('knows who owns each entity, as docs/architecture.md says', () => {
    expect(Object.fromEntries(owners)).toEqual({
      AdministrativeUnit: 'INSTITUTIONS',
      Agency: 'INSTITUTIONS',
      Official: 'INSTITUTIONS',
      Procedure: 'PROCEDURES',
      Dossier: 'PROCEDURES',
      Document: 'DOCUMENTS',
      Certificate: 'DOCUMENTS',
      Inspection: 'INSPECTIONS',
    });
  });

  it('makes every field that crosses a subgraph line nullable', () => {
    expect(rules.length).toBeGreaterThan(30);
    const nonNull = rules.filter((rule) => rule.type.kind === Kind.NON_NULL_TYPE).map((rule) => `${rule.field} (${rule.why})`);
    expect(nonNull).toEqual([]);
  });
});
