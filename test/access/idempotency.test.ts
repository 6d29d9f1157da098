import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSchema, getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import type { ObjectLiteral } from 'typeorm';
import { projectRoot } from '../../services/core/config';
import { IdempotencyRecord } from '../../services/core/idempotency';
import { Certificate } from '../../services/documents/certificate/certificate';
import { Document } from '../../services/documents/document/document';
import { DocumentTransfer } from '../../services/documents/exchange/document-transfer';
import { DocumentSignature } from '../../services/documents/signature/document-signature';
import { Finding } from '../../services/inspections/finding/finding';
import { Inspection } from '../../services/inspections/inspection/inspection';
import { InspectionPlan } from '../../services/inspections/plan/inspection-plan';
import { ServiceClient } from '../../services/institutions/clients/service-client';
import { Webhook } from '../../services/institutions/clients/webhook';
import { Dossier } from '../../services/procedures/dossier/dossier';
import { Procedure } from '../../services/procedures/procedure/procedure';
import { DATABASES } from '../support/databases';
import { errorCodes, type GraphQLResponse } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Idempotency keys (issue 11, item 7; README "Idempotent mutations"), through the real gateway
 * on both databases, for every creating mutation. The list of creating mutations is checked
 * against the supergraph: a mutation whose input takes a clientKey without a case here fails.
 */

interface Case {
  mutation: string;
  /** Subgraph and entity whose rows the mutation creates (one row per call). */
  subgraph: string;
  entity: new () => ObjectLiteral;
  /** Operation text; `$input` gets the input with the clientKey. */
  document: string;
  /** The principal that writes (`unit`, roles), and a principal of another unit with the same roles. */
  unit: string;
  otherUnit: string;
  roles: ('VIEWER' | 'OFFICER' | 'INSPECTOR' | 'ADMIN')[];
  /** Valid, distinct inputs: 0 first, 1 other input under the same key, 2 concurrent, 3 another principal. */
  input: (n: number) => Record<string, unknown>;
  /** The id of what a response created. */
  idOf: (data: any) => string;
}

const ids = (data: any): string => {
  const value = Object.values(data ?? {})[0] as any;
  if (Array.isArray(value)) return value.map((item) => item.id).join(',');
  if (value?.transfers) return value.transfers.edges.map((edge: any) => edge.node.id).join(',');
  return value?.client?.id ?? value?.webhook?.id ?? value?.id;
};

describe.each(DATABASES)('idempotent creating mutations on %s', (kind) => {
  let hub: TestHub;
  const cases: Case[] = [];
  const setup: Record<string, any> = {};

  const as = (unit: string, roles: Case['roles'], subject?: string) => hub.token(unit, roles, subject ? { subject } : {});
  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const result = await hub.query<any>(query, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data;
  };

  beforeAll(async () => {
    hub = await startTestHub(kind, 'idempotency', { rateLimits: { anonymousPerMinute: 0, userPerMinute: 0, servicePerMinute: 0 } });
    // Documents: four registered and signed documents, and the province's organization certificate.
    const officer91 = await as('91', ['OFFICER']);
    const certificates = await ok(`{ agency(id: "91.ubnd") { certificates(kind: ORGANIZATION) { edges { node { id } } } } }`, {}, officer91);
    setup.certificateId = certificates.agency.certificates.edges[0].node.id;
    setup.documents = [];
    setup.signatures = [];
    for (let n = 0; n < 4; n += 1) {
      const registered = await ok(
        `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`,
        { input: { agencyId: '91.ubnd', typeAbbreviation: 'BC', issuerAbbreviation: 'UBND', title: `Báo cáo nền ${n}`, content: `Nội dung ${n}` } },
        officer91,
      );
      const signed = await ok(
        `mutation($input: SignDocumentInput!) { signDocument(input: $input) { signaturePem } }`,
        { input: { documentId: registered.registerDocument.id, certificateId: setup.certificateId } },
        officer91,
      );
      setup.documents.push(registered.registerDocument.id);
      setup.signatures.push(signed.signDocument.signaturePem);
    }
    // Inspections: a plan of Gia Lai with five targets; the fifth inspected and in progress.
    const inspector64 = await as('64', ['INSPECTOR']);
    const plan = await ok(
      `mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id } }`,
      { input: { unitCode: '64', year: 2013, coverageTarget: 50, decisionNumber: '01/KH-UBND', targetAgencyIds: ['622.ubnd', '623.ubnd', '624.ubnd', '625.ubnd', '626.ubnd'] } },
      inspector64,
    );
    setup.planId = plan.createInspectionPlan.id;
    const scheduled = await ok(
      `mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id } }`,
      { input: { planId: setup.planId, targetAgencyId: '626.ubnd', scheduledOn: '2013-04-20', teamOfficialIds: ['64.so-noi-vu.cb1'] } },
      inspector64,
    );
    setup.inspectionId = scheduled.scheduleInspection.id;
    await ok(`mutation($input: StartInspectionInput!) { startInspection(input: $input) { id } }`, { input: { inspectionId: setup.inspectionId, conductedOn: '2013-05-12' } }, inspector64);

    // Institutions: a Kon Tum service client for the webhooks registered below (their URL's host allow-listed).
    process.env.HUB_WEBHOOK_ALLOWED_HOSTS = '127.0.0.1:9';
    const admin62 = await as('62', ['ADMIN']);
    const webhookClient = await ok(
      `mutation($input: RegisterServiceClientInput!) { registerServiceClient(input: $input) { client { id } } }`,
      { input: { name: 'Hệ thống nhận sự kiện', unitCode: '62', scopes: ['dossiers:read'] } },
      admin62,
    );
    setup.webhookClientId = webhookClient.registerServiceClient.client.id;

    cases.push(
      {
        mutation: 'receiveDossier', subgraph: 'procedures', entity: Dossier, unit: '30880', otherUnit: '30883', roles: ['OFFICER'],
        document: `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`,
        input: (n) => ({ procedureId: '91-X0001', unitCode: '30880', agencyId: '30880.motcua', channel: 'IN_PERSON', componentCount: n + 1, applicantName: 'Trần Thị Lan', applicantIdNumber: '091987654321' }),
        idOf: ids,
      },
      {
        mutation: 'publishProcedure', subgraph: 'procedures', entity: Procedure, unit: '91', otherUnit: '62', roles: ['OFFICER'],
        document: `mutation($input: PublishProcedureInput!) { publishProcedure(input: $input) { id } }`,
        input: (n) => ({ provinceCode: '91', code: `1.00991${n}`, name: `Thủ tục thử ${n}`, fieldCode: 'ho-tich', level: 'COMMUNE', onlineService: 'FULL', processingDays: 3, decisionNumber: '99/QĐ-UBND' }),
        idOf: ids,
      },
      {
        mutation: 'registerDocument', subgraph: 'documents', entity: Document, unit: '91', otherUnit: '62', roles: ['OFFICER'],
        document: `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id number } }`,
        input: (n) => ({ agencyId: '91.ubnd', typeAbbreviation: 'BC', issuerAbbreviation: 'UBND', title: `Báo cáo ${n}`, content: `Nội dung báo cáo ${n}` }),
        idOf: ids,
      },
      {
        mutation: 'signDocument', subgraph: 'documents', entity: DocumentSignature, unit: '91', otherUnit: '62', roles: ['OFFICER'],
        document: `mutation($input: SignDocumentInput!) { signDocument(input: $input) { id } }`,
        input: (n) => ({ documentId: setup.documents[n], certificateId: setup.certificateId }),
        idOf: ids,
      },
      {
        mutation: 'attachSignature', subgraph: 'documents', entity: DocumentSignature, unit: '91', otherUnit: '62', roles: ['OFFICER'],
        document: `mutation($input: AttachSignatureInput!) { attachSignature(input: $input) { id } }`,
        input: (n) => ({ documentId: setup.documents[n], signaturePem: setup.signatures[n] }),
        idOf: ids,
      },
      {
        mutation: 'sendDocument', subgraph: 'documents', entity: DocumentTransfer, unit: '91', otherUnit: '62', roles: ['OFFICER'],
        document: `mutation($input: SendDocumentInput!) { sendDocument(input: $input) { transfers { edges { node { id } } } } }`,
        input: (n) => ({ documentId: setup.documents[n], recipientAgencyIds: ['905.ubnd'] }),
        idOf: ids,
      },
      {
        mutation: 'issueCertificate', subgraph: 'documents', entity: Certificate, unit: '91', otherUnit: '62', roles: ['ADMIN'],
        document: `mutation($input: IssueCertificateInput!) { issueCertificate(input: $input) { id } }`,
        input: (n) => ({ kind: 'ORGANIZATION', agencyId: '91.so-noi-vu', validityYears: n + 1 }),
        idOf: ids,
      },
      {
        mutation: 'createInspectionPlan', subgraph: 'inspections', entity: InspectionPlan, unit: '64', otherUnit: '62', roles: ['INSPECTOR'],
        document: `mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id } }`,
        input: (n) => ({ unitCode: '64', year: 2010 + n, coverageTarget: 30, decisionNumber: `0${n}/KH-UBND`, targetAgencyIds: ['625.ubnd'] }),
        idOf: ids,
      },
      {
        mutation: 'scheduleInspection', subgraph: 'inspections', entity: Inspection, unit: '64', otherUnit: '62', roles: ['INSPECTOR'],
        document: `mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id } }`,
        input: (n) => ({ planId: setup.planId, targetAgencyId: ['622.ubnd', '623.ubnd', '624.ubnd', '625.ubnd'][n], scheduledOn: '2013-04-20', teamOfficialIds: ['64.so-noi-vu.cb1'] }),
        idOf: ids,
      },
      {
        mutation: 'recordFinding', subgraph: 'inspections', entity: Finding, unit: '64', otherUnit: '62', roles: ['INSPECTOR'],
        document: `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }`,
        input: (n) => ({ inspectionId: setup.inspectionId, area: 'CIVIL_SERVICE', severity: 'MINOR', description: `Tồn tại ${n}`, dueOn: '2099-12-31' }),
        idOf: ids,
      },
      {
        mutation: 'registerServiceClient', subgraph: 'institutions', entity: ServiceClient, unit: '62', otherUnit: '64', roles: ['ADMIN'],
        document: `mutation($input: RegisterServiceClientInput!) { registerServiceClient(input: $input) { client { id } clientSecret } }`,
        input: (n) => ({ name: `Hệ thống thử ${n}`, unitCode: '62', scopes: ['dossiers:read'] }),
        idOf: ids,
      },
      {
        mutation: 'registerWebhook', subgraph: 'institutions', entity: Webhook, unit: '62', otherUnit: '64', roles: ['ADMIN'],
        document: `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } secret } }`,
        input: (n) => ({ clientId: setup.webhookClientId, url: `http://127.0.0.1:9/hook-${n}`, eventTypes: ['dossier.received'] }),
        idOf: ids,
      },
    );
  }, 900_000);
  afterAll(async () => {
    delete process.env.HUB_WEBHOOK_ALLOWED_HOSTS;
    await hub?.close();
  });

  const rows = (testCase: Case) => hub.subgraphs[testCase.subgraph].dataSource.getRepository(testCase.entity).count();
  const keys = (testCase: Case) => hub.subgraphs[testCase.subgraph].dataSource.getRepository(IdempotencyRecord).count();
  const send = (testCase: Case, n: number, clientKey: string, token: string): Promise<GraphQLResponse<any>> =>
    hub.query<any>(testCase.document, { input: { ...testCase.input(n), clientKey } }, token);

  it('has a case for every mutation whose input takes a clientKey', () => {
    const schema = buildSchema(readFileSync(resolve(projectRoot(), 'schema/api.graphql'), 'utf8'));
    const takesClientKey = (type: GraphQLInputType) => {
      const named = getNamedType(type);
      return isInputObjectType(named) && 'clientKey' in named.getFields();
    };
    const keyed = Object.values(schema.getMutationType()!.getFields())
      .filter((field) => field.args.some((argument) => takesClientKey(argument.type)))
      .map((field) => field.name);
    expect(keyed.sort()).toEqual(cases.map((testCase) => testCase.mutation).sort());
  });

  it('answers a retry with what the first request created, and writes one row', async () => {
    for (const testCase of cases) {
      const token = await as(testCase.unit, testCase.roles);
      const key = randomUUID();
      const [before, keysBefore] = [await rows(testCase), await keys(testCase)];
      const first = await send(testCase, 0, key, token);
      expect({ mutation: testCase.mutation, errors: first.errors }).toEqual({ mutation: testCase.mutation, errors: undefined });
      const retry = await send(testCase, 0, key, token);
      expect({ mutation: testCase.mutation, errors: retry.errors, id: testCase.idOf(retry.data) }).toEqual({
        mutation: testCase.mutation,
        errors: undefined,
        id: testCase.idOf(first.data),
      });
      expect({ mutation: testCase.mutation, rows: await rows(testCase), keys: await keys(testCase) }).toEqual({
        mutation: testCase.mutation,
        rows: before + 1,
        keys: keysBefore + 1,
      });
      setup[`${testCase.mutation}:key`] = key;
      setup[`${testCase.mutation}:id`] = testCase.idOf(first.data);
      if (testCase.mutation === 'registerServiceClient') {
        // The secret is shown once: a retry answers the client without it.
        expect([typeof first.data.registerServiceClient.clientSecret, retry.data.registerServiceClient.clientSecret]).toEqual(['string', null]);
      }
    }
  }, 600_000);

  it('refuses the same key with other input (CONFLICT naming clientKey) and writes nothing', async () => {
    for (const testCase of cases) {
      const token = await as(testCase.unit, testCase.roles);
      const [before, keysBefore] = [await rows(testCase), await keys(testCase)];
      const other = await send(testCase, 1, setup[`${testCase.mutation}:key`], token);
      expect({ mutation: testCase.mutation, codes: errorCodes(other), argument: other.errors?.[0]?.extensions?.argument, data: other.data ?? null }).toEqual({
        mutation: testCase.mutation,
        codes: ['CONFLICT'],
        argument: 'clientKey',
        data: null,
      });
      expect({ mutation: testCase.mutation, rows: await rows(testCase), keys: await keys(testCase) }).toEqual({ mutation: testCase.mutation, rows: before, keys: keysBefore });
    }
  }, 600_000);

  it('creates one row for five concurrent requests with the same key, and answers all five with it', async () => {
    for (const testCase of cases) {
      const token = await as(testCase.unit, testCase.roles);
      const key = randomUUID();
      const before = await rows(testCase);
      const results = await Promise.all(Array.from({ length: 5 }, () => send(testCase, 2, key, token)));
      expect({ mutation: testCase.mutation, errors: results.flatMap((result) => result.errors ?? []) }).toEqual({ mutation: testCase.mutation, errors: [] });
      expect({ mutation: testCase.mutation, ids: new Set(results.map((result) => testCase.idOf(result.data))).size }).toEqual({ mutation: testCase.mutation, ids: 1 });
      expect({ mutation: testCase.mutation, rows: await rows(testCase) }).toEqual({ mutation: testCase.mutation, rows: before + 1 });
    }
  }, 600_000);

  it("keeps keys per principal: another principal's equal key is another key, and another unit gets nothing of the first result", async () => {
    for (const testCase of cases) {
      const key = setup[`${testCase.mutation}:key`];
      const firstId = setup[`${testCase.mutation}:id`];
      // The same unit and roles, another person: a new request, a new record.
      const colleague = await as(testCase.unit, testCase.roles, `colleague-${testCase.unit}`);
      const own = await send(testCase, 3, key, colleague);
      expect({ mutation: testCase.mutation, errors: own.errors }).toEqual({ mutation: testCase.mutation, errors: undefined });
      expect(testCase.idOf(own.data)).not.toBe(firstId);
      // Another unit replaying the first request word for word: refused, and nothing of the first answer.
      const before = await rows(testCase);
      const outsider = await send(testCase, 0, key, await as(testCase.otherUnit, testCase.roles));
      expect({ mutation: testCase.mutation, data: outsider.data ?? null, leaks: JSON.stringify(outsider).includes(firstId) }).toEqual({
        mutation: testCase.mutation,
        data: null,
        leaks: false,
      });
      expect(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']).toContain(errorCodes(outsider)[0]);
      expect(await rows(testCase)).toBe(before);
    }
  }, 600_000);

  it('refuses a malformed key (BAD_USER_INPUT naming clientKey) and writes nothing', async () => {
    const testCase = cases.find((entry) => entry.mutation === 'registerDocument')!;
    const token = await as(testCase.unit, testCase.roles);
    const before = await rows(testCase);
    for (const key of ['', 'x'.repeat(129), 'khóa-tiếng-việt', 'tab\there']) {
      const result = await send(testCase, 0, key, token);
      expect({ key, codes: errorCodes(result), argument: result.errors?.[0]?.extensions?.argument }).toEqual({ key, codes: ['BAD_USER_INPUT'], argument: 'clientKey' });
    }
    expect(await rows(testCase)).toBe(before);
  });
});
