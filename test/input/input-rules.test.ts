import { Dossier } from '../../services/procedures/dossier/dossier';
import { Procedure } from '../../services/procedures/procedure/procedure';
import { DATABASES } from '../support/databases';
import { errorCodes, type GraphQLResponse } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';
import { principal, querySubgraph } from '../support/subgraph-client';

const refusal = (response: GraphQLResponse<unknown>) => ({
  status: response.status,
  codes: errorCodes(response),
  argument: response.errors?.[0]?.extensions?.argument,
  path: response.errors?.[0]?.path,
});

/**
 * The input rules (services/core/input) as a client meets them, through the gateway over HTTP
 * and against a subgraph directly, on both databases: issue 11's examples of items 1, 3 and 4.
 */
describe.each(DATABASES)('argument values on %s', (kind) => {
  let hub: TestHub;
  let admin: string;
  beforeAll(async () => {
    hub = await startTestHub(kind, 'inputrules');
    admin = await hub.token('VN', ['ADMIN', 'OFFICER', 'VIEWER', 'INSPECTOR']);
  }, 900_000);
  afterAll(() => hub?.close());

  it('refuses an impossible day as BAD_USER_INPUT naming the argument, with the path, HTTP 400, literal or variable', async () => {
    const literal = await hub.query(`{ unit(code: "62") { dossierStats(from: "2023-02-30", to: "2023-03-01") { received } } }`, {}, admin);
    expect(refusal(literal)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'from', path: ['unit', 'dossierStats'] });
    expect(literal.errors![0].message).toMatch(/from must be a date YYYY-MM-DD, got "2023-02-30"/);
    const variable = await hub.query(
      `query($from: LocalDate!, $to: LocalDate!) { u: unit(code: "62") { stats: dossierStats(from: $from, to: $to) { received } } }`,
      { from: '2023-03-01', to: '2023-13-01' },
      admin,
    );
    expect(refusal(variable)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'to', path: ['u', 'stats'] });
    const reversed = await hub.query(`{ unit(code: "62") { serviceDesks(from: "2023-03-01", to: "2023-02-01") { __typename } } }`, {}, admin);
    expect(refusal(reversed)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'to', path: ['unit', 'serviceDesks'] });
    const reversedList = await hub.query(`{ dossiers(receivedFrom: "2023-03-01", receivedTo: "2023-02-01") { totalCount } }`, {}, admin);
    expect(refusal(reversedList)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'receivedTo', path: ['dossiers'] });
    const inInput = await hub.query(
      `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }`,
      { input: { inspectionId: 'x', area: 'INSTITUTIONS', severity: 'MINOR', description: 'd', dueOn: '2023-02-29' } },
      admin,
    );
    expect(refusal(inInput)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'input.dueOn', path: ['recordFinding'] });
  });

  it('refuses unknown enum values and numbers out of range with HTTP 400 and a code', async () => {
    const literal = await hub.query(`{ units(level: CITY) { totalCount } }`);
    expect({ status: literal.status, codes: errorCodes(literal) }).toEqual({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    const variable = await hub.query(`query($l: UnitLevel) { units(level: $l) { totalCount } }`, { l: 'CITY' });
    expect({ status: variable.status, codes: errorCodes(variable) }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
    const negative = await hub.query(`{ inspections(year: -1) { totalCount } }`, {}, admin);
    expect(refusal(negative)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'year', path: ['inspections'] });
    const beyond = await hub.query(`query($y: Int) { documents(year: $y) { totalCount } }`, { y: 2147483648 }, admin);
    expect({ status: beyond.status, codes: errorCodes(beyond) }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
  });

  it('stores no dossier received on an impossible day', async () => {
    const rows = () => hub.subgraphs.procedures.dataSource.getRepository(Dossier).count();
    const before = await rows();
    const token = await hub.token('30880', ['OFFICER']);
    const result = await hub.query(
      `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id receivedAt } }`,
      {
        input: {
          clientKey: 'input-rules-feb-30', procedureId: '91-X0001', unitCode: '30880', agencyId: '30880.motcua', channel: 'IN_PERSON',
          componentCount: 2, applicantName: 'Trần Thị Lan', applicantIdNumber: '091987654321', receivedAt: '2023-02-30T10:00:00+07:00',
        },
      },
      token,
    );
    expect(refusal(result)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'input.receivedAt', path: ['receiveDossier'] });
    // ISO 8601's 24:00 would be the next day's midnight: refused, not rolled over.
    for (const receivedAt of ['2023-02-28T24:00:00+07:00', '2023-02-28T10:60:00+07:00', '2023-02-28T10:00:00+15:00']) {
      const other = await hub.query(
        `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`,
        {
          input: {
            clientKey: `input-rules-${receivedAt}`, procedureId: '91-X0001', unitCode: '30880', agencyId: '30880.motcua', channel: 'IN_PERSON',
            componentCount: 2, applicantName: 'Trần Thị Lan', applicantIdNumber: '091987654321', receivedAt,
          },
        },
        token,
      );
      expect({ receivedAt, ...refusal(other) }).toEqual({ receivedAt, status: 400, codes: ['BAD_USER_INPUT'], argument: 'input.receivedAt', path: ['receiveDossier'] });
    }
    // A noncharacter in a name is refused too (only U+FFFE and U+FFFF were).
    const named = await hub.query(
      `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`,
      {
        input: {
          clientKey: 'input-rules-fdd0', procedureId: '91-X0001', unitCode: '30880', agencyId: '30880.motcua', channel: 'IN_PERSON',
          componentCount: 2, applicantName: 'Nguyễn \ufdd0Văn', applicantIdNumber: '091987654321',
        },
      },
      token,
    );
    expect(refusal(named)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'input.applicantName', path: ['receiveDossier'] });
    expect(await rows()).toBe(before);
  });

  it('refuses a search that folds to nothing, which would match every row', async () => {
    for (const text of [' ', '  ', '\ufeff', '\u2028', '\u0301', '\u00a0']) {
      for (const field of ['procedures', 'units']) {
        const answer = await hub.query<any>(`query($s: String) { ${field}(search: $s) { totalCount } }`, { s: text });
        expect({ text, field, ...refusal(answer) }).toEqual({ text, field, status: 200, codes: ['BAD_USER_INPUT'], argument: 'search', path: [field] });
        expect(answer.data?.[field] ?? null).toBeNull();
      }
    }
  });

  it('refuses text that is not clean text in every string argument, and searches nothing with it', async () => {
    const search = (text: string) => hub.query<any>('query($s: String) { procedures(search: $s) { totalCount } }', { s: text });
    const noncharacters = ['\ufdd0', 'Nguyễn \ufdef', '\ufffe', '\u{1fffe}', 'x\u{10ffff}'];
    for (const bad of ['\u0000', 'Hộ\u0007tịch', '\u0085', '\ud800', 'x\udc00', 'Hộ tịch\ufffd', 'a'.repeat(1001), ...noncharacters]) {
      expect({ bad, ...refusal(await search(bad)) }).toEqual({ bad, status: 400, codes: ['BAD_USER_INPUT'], argument: 'search', path: ['procedures'] });
    }
    const literal = await hub.query(`{ procedures(search: "\\u0000") { totalCount } }`);
    expect(refusal(literal)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'search', path: ['procedures'] });
    // Tab, line feed and carriage return are text.
    expect((await search('Hộ\ttịch')).status).toBe(200);
    const nested = await hub.query(
      `mutation($input: RegisterServiceClientInput!) { registerServiceClient(input: $input) { __typename } }`,
      { input: { name: 'ok', unitCode: '91', scopes: ['dossiers:read', 'bad\u0000'] } },
      admin,
    );
    expect(refusal(nested)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'input.scopes[1]', path: ['registerServiceClient'] });
  });

  it('answers a subgraph reached directly with the same refusal', async () => {
    const procedures = hub.subgraphs.procedures.url;
    const nul = await querySubgraph(procedures, '{ procedures(search: "\\u0000") { totalCount } }');
    expect(refusal(nul)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'search', path: ['procedures'] });
    const day = await querySubgraph(procedures, '{ procedures(asOf: "2023-02-30") { totalCount } }');
    expect(refusal(day)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'asOf', path: ['procedures'] });
    const variable = await querySubgraph(procedures, 'query($d: LocalDate) { procedures(asOf: $d) { totalCount } }', { d: '2023-02-30' });
    expect(refusal(variable)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'asOf', path: ['procedures'] });
    const entity = await querySubgraph(
      procedures,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { dossierStats(from: "2023-03-01", to: "2023-02-01") { received } } } }',
      { r: [{ __typename: 'AdministrativeUnit', id: '62' }] },
      principal('VN', 'VN', ['ADMIN']),
    );
    expect(refusal(entity)).toEqual({ status: 400, codes: ['BAD_USER_INPUT'], argument: 'to', path: ['_entities', 'dossierStats'] });
  });

  it('finds the same procedures and units whether the words come composed (NFC) or decomposed (NFD), in any case, with or without marks', async () => {
    const count = async (field: 'procedures' | 'units', text: string) =>
      (await hub.query<any>(`query($s: String) { ${field}(search: $s) { totalCount } }`, { s: text })).data[field].totalCount as number;
    const composed = await count('procedures', 'Hộ tịch'.normalize('NFC'));
    expect(composed).toBeGreaterThan(0);
    expect(await count('procedures', 'Hộ tịch'.normalize('NFD'))).toBe(composed);
    expect(await count('procedures', 'HỘ TỊCH')).toBe(composed);
    expect(await count('procedures', 'ho tich')).toBe(composed);
    const unit = await count('units', 'Kiên Giang'.normalize('NFC'));
    expect(unit).toBeGreaterThan(0);
    expect(await count('units', 'Kiên Giang'.normalize('NFD'))).toBe(unit);
  });

  it('stores text in NFC: a name typed decomposed is stored composed', async () => {
    const name = 'Đăng ký khai sinh thử nghiệm chuẩn hoá'.normalize('NFD');
    const result = await hub.query<any>(
      `mutation($input: PublishProcedureInput!) { publishProcedure(input: $input) { id name } }`,
      {
        input: {
          provinceCode: '91', code: '1.009999', name, fieldCode: 'ho-tich', level: 'COMMUNE', onlineService: 'FULL',
          processingDays: 3, decisionNumber: '99/QĐ-UBND',
        },
      },
      admin,
    );
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    const stored = await hub.subgraphs.procedures.dataSource.getRepository(Procedure).findOneByOrFail({ id: result.data.publishProcedure.id });
    expect(stored.name).toBe(name.normalize('NFC'));
    expect(stored.name).not.toBe(name);
  });
});
