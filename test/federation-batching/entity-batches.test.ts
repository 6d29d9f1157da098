import { readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  getNamedType,
  isEnumType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { statementCounter } from '../../services/core/database';
import { AdministrativeUnit } from '../../services/institutions/unit/administrative-unit';
import { Agency } from '../../services/institutions/agency/agency';
import { Official } from '../../services/institutions/official/official';
import { DATABASES } from '../support/databases';
import { principal, querySubgraph } from '../support/subgraph-client';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';

/**
 * Issue 14 item 3 (docs/architecture.md, "Entity batches"): every field a subgraph adds to an
 * entity another subgraph owns answers a batch of `_entities` representations with as many SQL
 * statements for 100 representations as for 1, and a bounded number of institutions lookups.
 * The fields are read from each subgraph's own schema (the types of its `extends/` folder), so a
 * new field is covered without touching this suite; its arguments come from SAMPLE_ARGUMENTS.
 */
const EXTENDING = ['procedures', 'documents', 'inspections'];
const SIZES = [1, 10, 100];

/** A value for every argument an added field may require (a new required argument needs one here). */
const SAMPLE_ARGUMENTS: Record<string, unknown> = { from: '2023-01-01', to: '2023-12-31', year: 2023, asOf: '2024-06-30', first: 3 };
/** Institutions requests one `_entities` request may make: the units' lookup, then the units a result names (service desks). */
const MAX_LOOKUP_ROUNDS = 2;
/** How deep the generated selection goes (a connection's edges.node.scalars is 3). */
const SELECTION_DEPTH = 3;

interface AddedField {
  subgraph: string;
  type: string;
  field: string;
  /** The field with its sample arguments and a generated selection: `dossierStats(from: …) { … }`. */
  selection: string;
  /** A connection (a list filtered by scope, never refused) rather than an aggregate. */
  isList: boolean;
}

const foreignTypesOf = (subgraph: string) =>
  readdirSync(join(__dirname, '../../services', subgraph, 'extends'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3));

const unwrap = (type: GraphQLOutputType): GraphQLOutputType => (isNonNullType(type) ? unwrap(type.ofType) : isListType(type) ? unwrap(type.ofType) : type);

const isRequired = (argument: GraphQLArgument) => isNonNullType(argument.type) && argument.defaultValue === undefined;

/** Scalars and enums of a type, and its object fields without required arguments down to `depth`. */
function selectionOf(type: GraphQLOutputType, depth: number): string | null {
  const named = unwrap(type);
  if (isScalarType(named) || isEnumType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return null;
  if (depth === 0) return null;
  const parts = Object.values((named as GraphQLObjectType).getFields()).flatMap((field) => {
    if (field.args.some(isRequired)) return [];
    const inner = selectionOf(field.type, depth - 1);
    if (inner === null) return [];
    return [inner ? `${field.name} { ${inner} }` : field.name];
  });
  return parts.length ? parts.join(' ') : null;
}

function argumentsOf(field: GraphQLField<unknown, unknown>): string {
  const given = field.args.flatMap((argument) => {
    const required = isRequired(argument);
    if (!(argument.name in SAMPLE_ARGUMENTS)) {
      if (required) throw new Error(`${field.name}(${argument.name}:) is required: give it a value in SAMPLE_ARGUMENTS`);
      return [];
    }
    if (!required && argument.name !== 'first') return [];
    return [`${argument.name}: ${JSON.stringify(SAMPLE_ARGUMENTS[argument.name])}`];
  });
  return given.length ? `(${given.join(', ')})` : '';
}

async function addedFields(url: string, subgraph: string): Promise<AddedField[]> {
  const sdl = (await querySubgraph<{ _service: { sdl: string } }>(url, '{ _service { sdl } }')).data!._service.sdl;
  const schema = buildSubgraphSchema(parse(sdl));
  return foreignTypesOf(subgraph).flatMap((typeName) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return [];
    return Object.values(type.getFields())
      .filter((field) => field.name !== 'id')
      .map((field) => {
        const inner = selectionOf(field.type, SELECTION_DEPTH);
        const named = getNamedType(field.type);
        const isList = isObjectType(named) && 'edges' in named.getFields();
        return { subgraph, type: typeName, field: field.name, selection: `${field.name}${argumentsOf(field)}${inner ? ` { ${inner} }` : ''}`, isList };
      });
  });
}

const entitiesQuery = (added: AddedField) =>
  `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${added.type} { id ${added.selection} } } }`;

/** A proxy in front of institutions that counts the GraphQL requests the subgraphs send it (lookups; audit appends go elsewhere). */
async function countingProxy(target: string): Promise<{ url: string; count: () => number; reset: () => void; close: () => Promise<void> }> {
  const origin = new URL(target).origin;
  let requests = 0;
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.url?.startsWith('/graphql')) requests += 1;
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(([name, value]) => typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name)),
    ) as Record<string, string>;
    try {
      const answer = await fetch(`${origin}${request.url}`, { method: request.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      response.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    count: () => requests,
    reset: () => (requests = 0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe.each(DATABASES)('entity batches on %s', (kind) => {
  let institutions: TestSubgraphs;
  let extending: TestSubgraphs;
  let proxy: Awaited<ReturnType<typeof countingProxy>>;
  const fields: AddedField[] = [];
  /** 100 ids of each foreign type, a province first and the units below it (a batch holding a unit and its parent). */
  const samples: Record<string, string[]> = {};
  const national = principal('VN', 'VN', ['ADMIN'], 'batch-national-admin');

  beforeAll(async () => {
    institutions = await startSubgraphs(kind, 'batch', ['institutions']);
    proxy = await countingProxy(institutions.urls.institutions);
    extending = await startSubgraphs(kind, 'batch', EXTENDING, { institutionsUrl: proxy.url });
    for (const subgraph of EXTENDING) fields.push(...(await addedFields(extending.subgraphs[subgraph].url, subgraph)));
    const source = institutions.subgraphs.institutions.dataSource;
    const units = await source.getRepository(AdministrativeUnit).createQueryBuilder('unit').where("unit.unitPath LIKE 'VN/91/%'").orderBy('unit.unitPath').take(100).getMany();
    const agencies = await source.getRepository(Agency).createQueryBuilder('agency').where("agency.unitPath LIKE 'VN/91/%'").orderBy('agency.unitPath').addOrderBy('agency.id').take(100).getMany();
    const officials = await source.getRepository(Official).createQueryBuilder('official').where("official.unitPath LIKE 'VN/91/%'").orderBy('official.unitPath').addOrderBy('official.id').take(100).getMany();
    samples.AdministrativeUnit = units.map((row) => row.id);
    samples.Agency = agencies.map((row) => row.id);
    samples.Official = officials.map((row) => row.id);
  }, 900_000);
  afterAll(async () => {
    await extending?.close();
    await proxy?.close();
    await institutions?.close();
  });

  it('finds the fields every subgraph adds to foreign entities, and 100 samples of each type', () => {
    const names = fields.map((added) => `${added.subgraph}:${added.type}.${added.field}`);
    expect(names).toEqual(expect.arrayContaining(['procedures:AdministrativeUnit.procedureCatalog', 'procedures:AdministrativeUnit.dossierStats', 'documents:Official.personalCertificates']));
    for (const type of ['AdministrativeUnit', 'Agency', 'Official']) expect(samples[type]).toHaveLength(100);
  });

  it('answers 1, 10 and 100 representations of every added field with the same number of SQL statements and bounded institutions lookups', async () => {
    const report: string[] = [];
    for (const added of fields) {
      const url = extending.subgraphs[added.subgraph].url;
      const counter = statementCounter(extending.subgraphs[added.subgraph].dataSource);
      const ask = (size: number) =>
        querySubgraph<{ _entities: unknown[] }>(
          url,
          entitiesQuery(added),
          { representations: samples[added.type].slice(0, size).map((id) => ({ __typename: added.type, id })) },
          national,
        );
      await ask(1); // warms what a process does once (schema caches), not counted
      const statements: number[] = [];
      const lookups: number[] = [];
      for (const size of SIZES) {
        counter.reset();
        proxy.reset();
        const result = await ask(size);
        statements.push(counter.count);
        lookups.push(proxy.count());
        expect({ field: added.selection, errors: result.errors ?? [] }).toEqual({ field: added.selection, errors: [] });
        expect(result.data!._entities).toHaveLength(size);
        expect(result.data!._entities.every((entity) => entity !== null)).toBe(true);
      }
      report.push(`${added.subgraph}:${added.type}.${added.field} statements ${statements.join('/')} lookups ${lookups.join('/')}`);
      expect({ field: `${added.type}.${added.field}`, statements }).toEqual({ field: `${added.type}.${added.field}`, statements: SIZES.map(() => statements[0]) });
      for (const count of lookups) expect(count).toBeLessThanOrEqual(MAX_LOOKUP_ROUNDS);
    }
    console.log(`Statements and institutions lookups for ${SIZES.join('/')} representations (${kind}):\n${report.join('\n')}`);
  }, 900_000);

  it("refuses a province's principal the aggregates of another province's units, each on its own, and answers its own in the same batch (rules 2 and 13)", async () => {
    const kienGiang = principal('91', 'VN/91', ['ADMIN'], 'batch-kien-giang-admin');
    // Kiên Giang, Kon Tum (another province), a district of Kiên Giang, and Quảng Ngãi of the reform (Kon Tum's successor).
    const ids = ['91', '62', '905', '51@2025'];
    const outside = new Set([1, 3]);
    for (const added of fields.filter((candidate) => candidate.type === 'AdministrativeUnit')) {
      const result = await querySubgraph<{ _entities: Record<string, unknown>[] }>(
        extending.subgraphs[added.subgraph].url,
        entitiesQuery(added),
        { representations: ids.map((id) => ({ __typename: 'AdministrativeUnit', id })) },
        kienGiang,
      );
      const refusedAt = (index: number) => (result.errors ?? []).filter((error) => error.path?.[1] === index);
      for (const [index] of ids.entries()) {
        const answer = result.data!._entities[index][added.field];
        const where = `${added.field} of ${ids[index]}`;
        if (!outside.has(index)) {
          expect({ where, errors: refusedAt(index) }).toEqual({ where, errors: [] }); // answered (a reform score may be null: none recorded)
        } else if (added.field === 'procedureCatalog') {
          expect({ where, answered: answer !== null }).toEqual({ where, answered: true }); // public data
        } else if (added.isList) {
          expect({ where, edges: (answer as { edges: unknown[] }).edges }).toEqual({ where, edges: [] }); // filtered, never refused
        } else {
          expect({ where, answer, codes: refusedAt(index).map((error) => error.extensions?.code) }).toEqual({ where, answer: null, codes: ['FORBIDDEN'] });
        }
      }
    }
  }, 600_000);
});
