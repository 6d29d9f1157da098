import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { projectRoot } from '../../services/core/config';
import type { Principal } from '../../services/core/principal';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';
import { querySubgraph } from '../support/subgraph-client';

/**
 * The graph-wide authorization walker. Everything it runs is generated from the composed
 * supergraph: every root query field, every field of AdministrativeUnit, every entity type
 * through `_entities` of every subgraph. Whether a record may be seen is decided by an oracle
 * that reads, as a national principal, which units each record belongs to (SCOPE_LOCATORS):
 * a record is visible to a principal when one of those units lies within its territory (its
 * unit's path and, for a unit of the 2025 reform, the paths of every dissolved unit whose
 * territory went into it: the unit's public `territory` field, rule 13), never decided by the
 * code under test.
 *
 * A type with an id that is neither public nor located makes the walk report a violation, so
 * a new type added without a scope rule fails the suite; so does any new root field or unit
 * field that answers about a unit outside the scope.
 */

/** How the national oracle finds the units a record belongs to (any one in scope suffices). */
export const SCOPE_LOCATORS: Record<string, string> = {
  Agency: 'unit { path }',
  Official: 'agency { unit { path } }',
  Certificate: 'agency { unit { path } }',
  Document: 'issuingAgency { unit { path } } transfers(first: 100) { edges { node { recipient { unit { path } } } } }',
  DocumentTransfer: 'sender { unit { path } } recipient { unit { path } }',
  Dossier: 'unit { path }',
  Finding: 'targetAgency { unit { path } } inspection { inspectingUnit { path } }',
  Inspection: 'inspectingUnit { path } targetUnit { path }',
  // Plans are the inspecting side's: the inspected see their inspections, not the plan.
  InspectionPlan: 'inspectingUnit { path }',
  ServiceClient: 'unit { path }',
  // Readable from the actor's side and from the side of the unit the action concerned.
  AuditEntry: 'actorUnit { path } targetUnit { path }',
};

/** Types anyone may read: the unit tree and the published procedure catalogue (docs/architecture.md, rule 5). */
export const PUBLIC_TYPES = new Set(['AdministrativeUnit', 'Procedure']);

/**
 * Public facts (docs/architecture.md, rule 12): an agency or official that a record the
 * principal may see points to (a document's recipient, an inspection's team) shows these
 * fields whatever the principal's scope. Outside the scope, nothing else of it may carry a
 * value, and it may never be a node of a list (lists are filtered: rule 1).
 */
export const PUBLIC_FACTS: Record<string, Set<string>> = {
  // updatedAt: when those facts last changed (pull sync), as public as they are.
  Agency: new Set(['__typename', 'id', 'name', 'kind', 'unit', 'parent', 'updatedAt']),
  Official: new Set(['__typename', 'id', 'name', 'position', 'isLeader', 'agency', 'updatedAt']),
};

/** Fields of a record answered beyond its public facts: a leaf with a value, or an object that holds no record and is no empty list. */
function beyondPublicFacts(type: string, value: Json): string[] {
  const facts = PUBLIC_FACTS[type] ?? new Set(['__typename', 'id']);
  return Object.entries(value)
    .filter(([name, fieldValue]) => !facts.has(name) && fieldValue != null)
    .filter(([, fieldValue]) => recordsIn(fieldValue, '').length === 0 && !isEmptyConnection(fieldValue))
    .map(([name]) => name);
}

const isEmptyConnection = (value: unknown) =>
  typeof value === 'object' && value !== null && 'edges' in (value as Json) && Array.isArray((value as Json).edges) && (value as Json).edges.length === 0;

/**
 * Connections that list references, not records filtered to the scope (rule 12): an inspection's
 * team names officials wherever they work. Their nodes are references: public facts only.
 */
export const REFERENCE_CONNECTIONS = new Set(['team']);

/** Whether a record sits as a node of a filtered list (rule 1), not as a reference. */
function isListNode(path: string): boolean {
  const connection = path.match(/\.(\w+)\.edges\.\d+\.node$/);
  return connection ? !REFERENCE_CONNECTIONS.has(connection[1]) : path.endsWith('.node');
}

/** Types seen only inside a located parent (a signature inside its document, a webhook inside its client): checked through the parent. */
export const PARENT_SCOPED_TYPES = new Set(['DocumentSignature', 'SafelistedOperation', 'Webhook', 'WebhookDelivery']);

/** Root fields readable without a token. */
export const PUBLIC_ROOT_FIELDS = new Set(['unit', 'units', 'procedure', 'procedures', 'certificateAuthority']);

/** Fields of AdministrativeUnit that are public (the tree and the published catalogue). */
export const PUBLIC_UNIT_FIELDS = new Set([
  'id', 'code', 'name', 'fullName', 'level', 'validFrom', 'validTo', 'path', 'parent', 'ancestors', 'children',
  'predecessors', 'successors', 'territory', 'procedureCatalog', 'updatedAt',
]);

/** Values for required arguments, by name: a new required argument without one is reported. */
const ARGUMENT_VALUES: Record<string, unknown> = {
  from: '2019-01-01',
  to: '2019-12-31',
  year: 2019,
  overdueOnly: false,
};

export interface Violation {
  principal: string;
  where: string;
  problem: string;
}

export interface WalkPrincipal {
  label: string;
  unitCode: string;
  unitPath: string;
  /**
   * The paths whose records it may read, from its unit's public `territory` (institutions): its
   * own path, and its predecessors' for a unit of the reform. The walk's oracle of visibility.
   */
  territory: string[];
  roles: Principal['roles'];
  token: string;
}

type Json = Record<string, any>;

export function apiSchema(): GraphQLSchema {
  const sdl = readFileSync(resolve(projectRoot(), 'schema/supergraph.graphql'), 'utf8');
  return Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
}

/** Entity types each subgraph resolves (`@join__type(graph: X, key: …)`), from the supergraph. */
export function entityTypesBySubgraph(): Record<string, string[]> {
  const sdl = readFileSync(resolve(projectRoot(), 'schema/supergraph.graphql'), 'utf8');
  const graphNames = Object.fromEntries(
    [...sdl.matchAll(/(\w+)\s*@join__graph\(name:\s*"([^"]+)"/g)].map(([, enumValue, name]) => [enumValue, name]),
  );
  const result: Record<string, Set<string>> = {};
  for (const match of sdl.matchAll(/\ntype (\w+)((?:\s*@join__type\([^)]*\))+)/g)) {
    for (const join of match[2].matchAll(/@join__type\(graph: (\w+), key: "id"(?![^)]*resolvable: false)/g)) {
      (result[graphNames[join[1]]] ??= new Set()).add(match[1]);
    }
  }
  return Object.fromEntries(Object.entries(result).map(([graph, types]) => [graph, [...types]]));
}

const isLeaf = (type: GraphQLNamedType) => isScalarType(type) || isEnumType(type);
const requiredArguments = (field: GraphQLField<unknown, unknown>) => field.args.filter((argument) => isNonNullType(argument.type));
const isConnection = (type: GraphQLNamedType) => type.name.endsWith('Connection');

/** The node type of a connection type: `DossierConnection` -> `Dossier`. */
function connectionNode(connection: GraphQLObjectType): GraphQLObjectType {
  const edge = getNamedType(connection.getFields().edges.type) as GraphQLObjectType;
  return getNamedType(edge.getFields().node.type) as GraphQLObjectType;
}

function argumentText(field: GraphQLField<unknown, unknown>, extra: Record<string, unknown> = {}): string | Error {
  const values: Record<string, unknown> = {};
  for (const argument of requiredArguments(field)) {
    if (!(argument.name in ARGUMENT_VALUES) && !(argument.name in extra)) {
      return new Error(`no value for required argument ${field.name}(${argument.name}:) — add one to ARGUMENT_VALUES`);
    }
    values[argument.name] = extra[argument.name] ?? ARGUMENT_VALUES[argument.name];
  }
  for (const [name, value] of Object.entries(extra)) if (field.args.some((argument) => argument.name === name)) values[name] = value;
  if (isConnection(getNamedType(field.type)) && field.args.some((argument) => argument.name === 'first')) values.first ??= 5;
  const entries = Object.entries(values);
  return entries.length ? `(${entries.map(([name, value]) => `${name}: ${JSON.stringify(value)}`).join(', ')})` : '';
}

/**
 * Every leaf of every record a type leads to, `depth` levels down: single objects, lists and
 * connections (public types are not followed). Leaves matter: an entity reference holding
 * only its key is answered by the subgraph that refers to it, and only a field of the owner
 * makes the gateway ask the owner, who must refuse a record outside the scope.
 */
export function selectionFor(type: GraphQLObjectType, depth: number): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (isLeaf(named)) {
      if (requiredArguments(field).length === 0) parts.push(field.name);
      continue;
    }
    if (depth <= 0 || !isObjectType(named) || PUBLIC_TYPES.has(named.name)) continue;
    const args = argumentText(field);
    if (args instanceof Error) continue;
    if (isConnection(named)) {
      parts.push(`${field.name}${args} { edges { node { ${selectionFor(connectionNode(named), depth - 1)} } } }`);
    } else {
      parts.push(`${field.name}${args} { ${selectionFor(named, depth - 1)} }`);
    }
  }
  return parts.join(' ');
}

/** Every object with a __typename and an id in a response, with where it was found. */
function recordsIn(value: unknown, path: string, found: { type: string; id: string; path: string; value: Json }[] = []) {
  if (Array.isArray(value)) value.forEach((item, index) => recordsIn(item, `${path}.${index}`, found));
  else if (value && typeof value === 'object') {
    const object = value as Json;
    if (typeof object.__typename === 'string' && typeof object.id === 'string') found.push({ type: object.__typename, id: object.id, path, value: object });
    for (const [key, child] of Object.entries(object)) recordsIn(child, `${path}.${key}`, found);
  }
  return found;
}

function collectPaths(value: unknown, into: Set<string>) {
  if (Array.isArray(value)) value.forEach((item) => collectPaths(item, into));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value as Json)) {
      if (key === 'path' && typeof child === 'string') into.add(child);
      else collectPaths(child, into);
    }
  }
}

const within = (recordPath: string, unitPath: string) => recordPath === unitPath || recordPath.startsWith(`${unitPath}/`);

/** The national view: which unit paths each record belongs to, looked up in batches. */
export class ScopeOracle {
  private readonly located = new Map<string, string[]>();
  private readonly harvested = new Map<string, Promise<{ id: string; paths: string[] }[]>>();

  constructor(
    private readonly gatewayUrl: string,
    private readonly nationalToken: string,
    private readonly schema: GraphQLSchema,
  ) {}

  private key = (type: string, id: string) => `${type}:${id}`;

  /** Root single-record field of a type: `dossier(id:)` for Dossier. */
  rootFieldFor(type: string): string | undefined {
    return Object.values(this.schema.getQueryType()!.getFields()).find(
      (field) => getNamedType(field.type).name === type && field.args.length === 1 && field.args[0].name === 'id',
    )?.name;
  }

  async locate(records: { type: string; id: string }[]): Promise<void> {
    const missing = records.filter((record) => SCOPE_LOCATORS[record.type] && !this.located.has(this.key(record.type, record.id)));
    const unique = [...new Map(missing.map((record) => [this.key(record.type, record.id), record])).values()];
    for (let start = 0; start < unique.length; start += 25) {
      const batch = unique.slice(start, start + 25);
      const query = `{ ${batch
        .map((record, index) => `r${index}: ${this.rootFieldFor(record.type)}(id: ${JSON.stringify(record.id)}) { ${SCOPE_LOCATORS[record.type]} }`)
        .join(' ')} }`;
      const result = await postGraphQL<Json>(`${this.gatewayUrl}/graphql`, query, {}, { authorization: `Bearer ${this.nationalToken}` });
      batch.forEach((record, index) => {
        const paths = new Set<string>();
        collectPaths(result.data?.[`r${index}`], paths);
        this.located.set(this.key(record.type, record.id), [...paths]);
      });
    }
  }

  pathsOf(type: string, id: string): string[] | undefined {
    return this.located.get(this.key(type, id));
  }

  /** Ids of a type the nation sees, with their paths, from its root list (filtered by unit where it can be). */
  harvest(type: string, unitCodes: string[]): Promise<{ id: string; paths: string[] }[]> {
    if (!this.harvested.has(type)) this.harvested.set(type, this.harvestNow(type, unitCodes));
    return this.harvested.get(type)!;
  }

  private async harvestNow(type: string, unitCodes: string[]): Promise<{ id: string; paths: string[] }[]> {
    const query = this.schema.getQueryType()!;
    const list = Object.values(query.getFields()).find((field) => {
      const named = getNamedType(field.type);
      return isConnection(named) && named.name === `${type}Connection` && requiredArguments(field).length === 0;
    });
    const ids = new Set<string>();
    if (list) {
      const variants: Record<string, unknown>[] = list.args.some((argument) => argument.name === 'unitCode')
        ? unitCodes.map((unitCode) => ({ unitCode }))
        : [{}];
      for (const variant of variants) {
        const args = Object.entries({ first: 100, ...variant }).map(([name, value]) => `${name}: ${JSON.stringify(value)}`).join(', ');
        const result = await postGraphQL<Json>(`${this.gatewayUrl}/graphql`, `{ list: ${list.name}(${args}) { edges { node { id } } } }`, {}, {
          authorization: `Bearer ${this.nationalToken}`,
        });
        for (const edge of result.data?.list?.edges ?? []) ids.add(edge.node.id);
      }
    }
    const records = [...ids].map((id) => ({ type, id }));
    await this.locate(records);
    return records.map(({ id }) => ({ id, paths: this.pathsOf(type, id) ?? [] }));
  }
}

export interface WalkTarget {
  gatewayUrl: string;
  /** Base URL of each subgraph, by name. */
  subgraphUrls: Record<string, string>;
  schema: GraphQLSchema;
  oracle: ScopeOracle;
  /**
   * Units the walk asks about: for each principal, its own unit, its parent, a sibling and a
   * child (and, for a unit of the reform, predecessors and the sibling's). Asked by `id` (a
   * code may name another unit today: `51` is the merged Quảng Ngãi, not the old one); lists
   * are filtered by `code`, the unit that holds it today.
   */
  units: WalkUnit[];
}

export interface WalkUnit {
  code: string;
  /** The version id: the code before the reform, `<code>@2025` after. */
  id: string;
  path: string;
}

/** The codes of the walk's units, each once (the filter of lists: it names the unit holding it today). */
export const codesOf = (units: WalkUnit[]) => [...new Set(units.map(({ code }) => code))];

/** The walk for one principal. Returns every leak or unchecked shape it finds. */
export async function walkAsPrincipal(target: WalkTarget, who: WalkPrincipal, subgraphPrincipal: Principal): Promise<Violation[]> {
  const violations: Violation[] = [];
  const report = (where: string, problem: string) => violations.push({ principal: who.label, where, problem });
  const ask = (query: string) => postGraphQL<Json>(`${target.gatewayUrl}/graphql`, query, {}, { authorization: `Bearer ${who.token}` });
  const inTerritory = (path: string) => who.territory.some((covered) => within(path, covered));
  const visible = (paths: string[]) => paths.some(inTerritory);

  /** Checks every record of a response against the oracle, and that errors are only refusals. */
  async function checkResponse(where: string, result: GraphQLResponse<Json>) {
    for (const error of result.errors ?? []) {
      if (!['FORBIDDEN', 'NOT_FOUND'].includes(error.extensions?.code ?? '')) {
        report(where, `unexpected error ${error.extensions?.code}: ${error.message}`);
      }
    }
    const records = recordsIn(result.data, where);
    await target.oracle.locate(records);
    for (const record of records) {
      if (PUBLIC_TYPES.has(record.type) || PARENT_SCOPED_TYPES.has(record.type) || record.type === 'Me') continue;
      if (!SCOPE_LOCATORS[record.type]) {
        report(record.path, `type ${record.type} has no scope locator: add its scope rule to SCOPE_LOCATORS`);
        continue;
      }
      const paths = target.oracle.pathsOf(record.type, record.id) ?? [];
      if (visible(paths)) continue;
      const outside = `${record.type} ${record.id} of ${paths.join(', ') || 'no unit'} is outside ${who.unitPath}`;
      // A reference (not a node of a filtered list) to an agency or official may show its public facts.
      if (PUBLIC_FACTS[record.type] && !isListNode(record.path)) {
        for (const name of beyondPublicFacts(record.type, record.value)) report(`${record.path}.${name}`, outside);
        continue;
      }
      report(record.path, outside);
    }
  }

  const query = target.schema.getQueryType()!;
  // 1. Every root list, unfiltered and filtered by each unit of the walk.
  for (const field of Object.values(query.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named) || !isConnection(named) || PUBLIC_ROOT_FIELDS.has(field.name)) continue;
    const node = connectionNode(named);
    const variants: Record<string, unknown>[] = [{}];
    if (field.args.some((argument) => argument.name === 'unitCode')) variants.push(...codesOf(target.units).map((code) => ({ unitCode: code })));
    for (const variant of variants) {
      const args = argumentText(field, { first: 10, ...variant });
      if (args instanceof Error) {
        report(`Query.${field.name}`, args.message);
        break;
      }
      await checkResponse(`Query.${field.name}${args}`, await ask(`{ ${field.name}${args} { edges { node { ${selectionFor(node, 2)} } } } }`));
    }
  }

  // 2. Every root single-record field, for records outside the scope (nothing, answered exactly
  // like an id that names no record: rule 2, so ids cannot be probed) and inside (answered).
  const sameAnswer = (result: GraphQLResponse<Json>) =>
    JSON.stringify({ data: result.data ?? null, errors: (result.errors ?? []).map(({ message, path, extensions }) => ({ message, path, code: extensions?.code })) });
  for (const field of Object.values(query.getFields())) {
    const named = getNamedType(field.type);
    if (!isObjectType(named) || PUBLIC_TYPES.has(named.name) || field.args.length !== 1 || field.args[0].name !== 'id') continue;
    if (!SCOPE_LOCATORS[named.name]) {
      report(`Query.${field.name}`, `type ${named.name} has no scope locator: add its scope rule to SCOPE_LOCATORS`);
      continue;
    }
    const records = await target.oracle.harvest(named.name, codesOf(target.units));
    const outside = records.filter((record) => record.paths.length && !visible(record.paths)).slice(0, 3);
    const inside = records.filter((record) => visible(record.paths)).slice(0, 1);
    const byId = (id: string) => ask(`{ record: ${field.name}(id: ${JSON.stringify(id)}) { ${selectionFor(named, 1)} } }`);
    const none = outside.length ? sameAnswer(await byId(`no-such-${named.name}-${outside[0].id}`)) : '';
    for (const record of outside) {
      const result = await byId(record.id);
      if (result.data?.record) report(`Query.${field.name}(id: ${record.id})`, `answered a record of ${record.paths.join(', ')}`);
      if (!(result.errors ?? []).some((error) => error.extensions?.code === 'NOT_FOUND')) {
        report(`Query.${field.name}(id: ${record.id})`, 'no NOT_FOUND error for a record outside the scope');
      }
      if (sameAnswer(result) !== none) {
        report(`Query.${field.name}(id: ${record.id})`, `answered otherwise than for an id that names nothing: ${sameAnswer(result)} vs ${none}`);
      }
    }
    for (const record of inside) {
      const result = await ask(`{ record: ${field.name}(id: ${JSON.stringify(record.id)}) { id } }`);
      if (result.data?.record?.id !== record.id) report(`Query.${field.name}(id: ${record.id})`, 'a record inside the scope was not answered');
    }
  }

  // 3. Every non-public field of AdministrativeUnit, about units outside the scope and about its own.
  const unitType = target.schema.getType('AdministrativeUnit') as GraphQLObjectType;
  for (const field of Object.values(unitType.getFields())) {
    if (PUBLIC_UNIT_FIELDS.has(field.name)) continue;
    const named = getNamedType(field.type);
    const args = argumentText(field);
    if (args instanceof Error) {
      report(`AdministrativeUnit.${field.name}`, args.message);
      continue;
    }
    const selection = isLeaf(named)
      ? ''
      : isConnection(named)
        ? `{ edges { node { ${selectionFor(connectionNode(named as GraphQLObjectType), 1)} } } }`
        : `{ ${selectionFor(named as GraphQLObjectType, 1)} }`;
    for (const unit of target.units) {
      const result = await ask(`{ unit(id: "${unit.id}") { code value: ${field.name}${args} ${selection} } }`);
      const where = `unit(id: "${unit.id}").${field.name}`;
      if (inTerritory(unit.path)) {
        // The walk's principals hold every role: inside their scope nothing may be refused.
        if (result.errors?.length) report(where, `refused inside the scope: ${result.errors.map((error) => error.message).join('; ')}`);
        await checkResponse(where, result);
      } else if (isConnection(named)) {
        await checkResponse(where, result);
      } else {
        if (result.data?.unit?.value != null) report(where, `answered an aggregate about ${unit.path}, outside ${who.unitPath}`);
        if (!(result.errors ?? []).some((error) => error.extensions?.code === 'FORBIDDEN')) report(where, 'no FORBIDDEN error');
      }
    }
  }

  // 4. `_entities` of every subgraph, reached directly with this principal, for records outside the scope.
  for (const [subgraph, types] of Object.entries(entityTypesBySubgraph())) {
    const schema = await subgraphSchema(target.subgraphUrls[subgraph]);
    for (const type of types) {
      const entity = schema.getType(type) as GraphQLObjectType | undefined;
      if (!entity) continue;
      const ids =
        type === 'AdministrativeUnit'
          ? target.units.filter(({ path }) => !inTerritory(path)).map(({ id }) => id)
          : SCOPE_LOCATORS[type]
            ? (await target.oracle.harvest(type, codesOf(target.units)))
                .filter((record) => record.paths.length && !visible(record.paths))
                .slice(0, 3)
                .map((record) => record.id)
            : [];
      if (!ids.length) continue;
      const fields = Object.values(entity.getFields()).filter((field) => !(type === 'AdministrativeUnit' && PUBLIC_UNIT_FIELDS.has(field.name)));
      const parts: string[] = ['__typename', 'id'];
      for (const field of fields) {
        if (field.name === 'id') continue;
        const args = argumentText(field);
        if (args instanceof Error) continue;
        const named = getNamedType(field.type);
        if (isLeaf(named)) parts.push(`${field.name}${args}`);
        else if (isObjectType(named)) parts.push(`${field.name}${args} { ${selectionFor(named, isConnection(named) ? 2 : 1)} }`);
      }
      const representations = ids.map((id) => ({ __typename: type, id }));
      const result = await querySubgraph<Json>(
        target.subgraphUrls[subgraph],
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${parts.join(' ')} } } }`,
        { r: representations },
        subgraphPrincipal,
      );
      const where = `${subgraph}._entities(${type})`;
      const ownsPrivateFields = parts.length > 2;
      for (const [index, value] of (result.data?._entities ?? []).entries()) {
        if (!value) continue;
        // A stub ({ id } only) tells nothing; every other field must be refused or empty.
        for (const [name, fieldValue] of Object.entries(value as Json)) {
          if (name === '__typename' || name === 'id' || fieldValue == null) continue;
          // An agency's or official's public facts are answered to anyone signed in (rule 12).
          if (subgraph === 'institutions' && PUBLIC_FACTS[type]?.has(name)) continue;
          const records = recordsIn(fieldValue, `${where}.${name}`);
          if (records.length === 0 && !isEmptyConnection(fieldValue)) {
            report(`${where}[${ids[index]}].${name}`, `answered ${JSON.stringify(fieldValue).slice(0, 80)} about a record outside ${who.unitPath}`);
          }
          await checkResponse(`${where}[${ids[index]}].${name}`, { status: 200, data: { value: fieldValue } as Json });
        }
      }
      if (ownsPrivateFields && !(result.errors ?? []).length && (result.data?._entities ?? []).some((value: Json | null) => value === null)) {
        report(where, 'an entity outside the scope resolved to null without a NOT_FOUND or FORBIDDEN error');
      }
    }
  }
  return violations;
}

/** A subgraph's own schema, from introspection (it knows its stubs' fields only). */
const subgraphSchemas = new Map<string, Promise<GraphQLSchema>>();
function subgraphSchema(url: string): Promise<GraphQLSchema> {
  if (!subgraphSchemas.has(url)) {
    subgraphSchemas.set(
      url,
      querySubgraph<IntrospectionQuery>(url, getIntrospectionQuery()).then((result) => buildClientSchema(result.data!)),
    );
  }
  return subgraphSchemas.get(url)!;
}
