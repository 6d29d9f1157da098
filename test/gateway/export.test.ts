import ExcelJS from 'exceljs';
import { KON_TUM_2023 } from '../procedures/figures';
import { DATABASES } from '../support/databases';
import { startTestHub, type TestHub } from '../support/hub';

const DASHBOARD = `query ProvincialDashboard($code: String!, $from: LocalDate!, $to: LocalDate!) {
  unit(code: $code) { name dossierStats(from: $from, to: $to) { received resolved onTimeRate inProgress }
    children(first: 100) { totalCount edges { node { code name dossierStats(from: $from, to: $to) { received resolved onTimeRate } } } } } }`;
const STATS_ONLY = `query DistrictStats($code: String!) { unit(code: $code) { name dossierStats(from: "2023-01-01", to: "2023-10-31") { received } } }`;
const PERIOD = { from: '2023-01-01', to: '2023-10-31' };

interface Download {
  status: number;
  type: string | null;
  disposition: string | null;
  bytes: Buffer;
  json?: { errors?: { message: string; extensions?: { code?: string } }[] };
}

/**
 * Issue 15, item 7: `POST /export?format=xlsx|csv` runs the operation through the gateway with
 * the caller's token and answers its data as a spreadsheet. Read back with exceljs; over HTTP,
 * on both databases.
 */
describe.each(DATABASES)('reports as spreadsheets on %s', (kind) => {
  let hub: TestHub;

  async function download(format: string, body: unknown, token?: string, extra = ''): Promise<Download> {
    const response = await fetch(`${hub.gatewayUrl}/export?format=${encodeURIComponent(format)}${extra}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type');
    return {
      status: response.status,
      type,
      disposition: response.headers.get('content-disposition'),
      bytes,
      json: type?.startsWith('application/json') ? JSON.parse(bytes.toString('utf8')) : undefined,
    };
  }
  const workbookOf = async (bytes: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  };
  /** A worksheet's rows as plain values, the header first. */
  const rowsOf = (sheet: ExcelJS.Worksheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  };
  const codeOf = (answer: Download) => answer.json?.errors?.map((error) => error.extensions?.code);

  beforeAll(async () => {
    hub = await startTestHub(kind, 'export');
  }, 900_000);
  afterAll(() => hub?.close());

  it("downloads Kon Tum's January-October 2023 dashboard as XLSX: 199,352 received, as a number, in the summary; one sheet for the districts", async () => {
    const token = await hub.token('62', ['VIEWER']);
    const answer = await download('xlsx', { query: DASHBOARD, operationName: 'ProvincialDashboard', variables: { code: '62', ...PERIOD } }, token);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(answer.disposition).toBe('attachment; filename="ProvincialDashboard.xlsx"');
    const workbook = await workbookOf(answer.bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'unit.children']);

    const summary = workbook.getWorksheet('Summary')!;
    expect(summary.getCell('A1').value).toBe('Field');
    const rows = rowsOf(summary);
    const received = rows.findIndex((row) => row[0] === 'unit.dossierStats.received') + 1;
    expect(received).toBeGreaterThan(1);
    expect(summary.getCell(`B${received}`).value).toBe(KON_TUM_2023.received);
    expect(summary.getCell(`B${received}`).type).toBe(ExcelJS.ValueType.Number);
    expect(rows).toContainEqual(['unit.name', 'Kon Tum']);
    expect(rows).toContainEqual(['unit.children.totalCount', 10]);

    // The same operation through /graphql: the districts' sheet holds exactly its rows.
    const json = await hub.query<any>(DASHBOARD, { code: '62', ...PERIOD }, token);
    const districts = json.data.unit.children.edges.map((edge: any) => edge.node);
    const sheet = rowsOf(workbook.getWorksheet('unit.children')!);
    expect(sheet[0]).toEqual(['code', 'name', 'dossierStats.received', 'dossierStats.resolved', 'dossierStats.onTimeRate']);
    expect(sheet.slice(1)).toEqual(districts.map((d: any) => [d.code, d.name, d.dossierStats.received, d.dossierStats.resolved, d.dossierStats.onTimeRate]));
    expect(sheet.slice(1).every((row) => typeof row[2] === 'number' && typeof row[4] === 'number')).toBe(true);
    // Vietnamese names intact.
    expect(sheet.map((row) => row[1])).toContain(districts.find((d: any) => d.name.includes('Đắk')).name);
  });

  it('writes CSV as RFC 4180 with a UTF-8 byte order mark, Vietnamese text intact, one sheet per file', async () => {
    const token = await hub.token('62', ['VIEWER']);
    const body = { query: DASHBOARD, variables: { code: '62', ...PERIOD } };
    const several = await download('csv', body, token);
    expect(several.status).toBe(400);
    expect(codeOf(several)).toEqual(['BAD_REQUEST']);
    expect(several.json!.errors![0].message).toMatch(/Summary, unit\.children/);

    const districts = await download('csv', body, token, '&sheet=unit.children');
    expect(districts.status).toBe(200);
    expect(districts.type).toBe('text/csv; charset=utf-8');
    expect([...districts.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = districts.bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('code,name,dossierStats.received,dossierStats.resolved,dossierStats.onTimeRate');
    const json = await hub.query<any>(DASHBOARD, { code: '62', ...PERIOD }, token);
    const first = json.data.unit.children.edges[0].node;
    expect(lines[1]).toBe([first.code, first.name, first.dossierStats.received, first.dossierStats.resolved, first.dossierStats.onTimeRate].join(','));
    expect(text).toContain(json.data.unit.children.edges.find((edge: any) => edge.node.name.includes('Đắk')).node.name);

    const summary = await download('csv', { query: STATS_ONLY, variables: { code: '62' } }, token);
    expect(summary.bytes.toString('utf8')).toBe(`\uFEFFField,Value\r\nunit.name,Kon Tum\r\nunit.dossierStats.received,${KON_TUM_2023.received}\r\n`);
  });

  it("refuses a district token another district's figures, and its province's, with the query's own refusal and no file", async () => {
    const provinceToken = await hub.token('62', ['VIEWER']);
    const json = await hub.query<any>(DASHBOARD, { code: '62', ...PERIOD }, provinceToken);
    const [own, other] = json.data.unit.children.edges.map((edge: any) => edge.node.code);
    const district = await hub.token(own, ['VIEWER']);
    const mine = await download('xlsx', { query: STATS_ONLY, variables: { code: own } }, district);
    expect(mine.status).toBe(200);
    for (const code of [other, '62']) {
      for (const format of ['xlsx', 'csv']) {
        const refused = await download(format, { query: STATS_ONLY, variables: { code } }, district);
        expect([code, format, refused.status, codeOf(refused)]).toEqual([code, format, 403, ['FORBIDDEN']]);
      }
    }
    const anonymous = await download('xlsx', { query: STATS_ONLY, variables: { code: '62' } });
    expect([anonymous.status, codeOf(anonymous)]).toEqual([401, ['UNAUTHENTICATED']]);
    const badToken = await download('xlsx', { query: STATS_ONLY, variables: { code: '62' } }, 'not-a-token');
    expect([badToken.status, codeOf(badToken)]).toEqual([401, ['UNAUTHENTICATED']]);
  });

  it('answers a bad format, a mutation, a batch and a query that does not parse with HTTP 400 and a code', async () => {
    const token = await hub.token('62', ['OFFICER']);
    const body = { query: STATS_ONLY, variables: { code: '62' } };
    for (const format of ['pdf', '', 'XLSX']) {
      const answer = await download(format, body, token);
      expect([format, answer.status, codeOf(answer)]).toEqual([format, 400, ['BAD_REQUEST']]);
    }
    const noFormat = await fetch(`${hub.gatewayUrl}/export`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(noFormat.status).toBe(400);
    const mutation = await download('xlsx', { query: 'mutation M { revokeServiceClient(id: "x", reason: "y") { id } }' }, token);
    expect([mutation.status, codeOf(mutation)]).toEqual([400, ['BAD_REQUEST']]);
    const batch = await download('xlsx', [body, body], token);
    expect([batch.status, codeOf(batch)]).toEqual([400, ['BAD_REQUEST']]);
    const broken = await download('csv', { query: 'query {' }, token);
    expect(broken.status).toBe(400);
    expect(codeOf(broken)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});
