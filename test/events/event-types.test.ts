import type { HubEvent, HubEventType } from '../../services/core/events/hub-event';
import { EVENT_TYPES } from '../../services/core/events/hub-event';
import { OutboxEvent } from '../../services/core/events/outbox-entities';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';
import { CONTRACT_FIELDS, EventStream, NATS_URL, uniqueStream } from './event-stream';

const EVENT_VARIABLES = ['NATS_URL', 'HUB_EVENTS_STREAM', 'HUB_EVENTS_SUBJECT_PREFIX', 'HUB_EVENTS_POLL_MS'] as const;

/**
 * Every event type of the contract (hub-event.ts), each from the mutation that makes it, through
 * the real gateway, published by the subgraphs' relays to NATS JetStream, on both databases.
 * The tests run in order: each takes the record the one before it left.
 */
describe.each(DATABASES)('every event type through the API on %s', (kind) => {
  const { stream, subjectPrefix } = uniqueStream(`types${kind}`);
  const saved: Partial<Record<(typeof EVENT_VARIABLES)[number], string>> = {};
  let hub: TestHub;
  let events: EventStream;
  const seen = new Set<HubEventType>();

  /** The events of `type` about `recordId`, once `count` are in the stream; each checked against the contract. */
  const published = async (type: HubEventType, recordId: string, count = 1): Promise<HubEvent[]> => {
    const found = (await events.waitFor((event) => event.type === type && event.record.id === recordId, count)).map((streamed) => {
      expect(streamed.subject).toBe(`${subjectPrefix}.${streamed.event.subgraph}.${type}`);
      expect(streamed.msgId).toBe(streamed.event.id);
      expect(Object.keys(streamed.event).every((key) => CONTRACT_FIELDS.includes(key))).toBe(true);
      return streamed.event;
    });
    expect(found).toHaveLength(count);
    seen.add(type);
    return found;
  };
  const outboxCount = (subgraph: string) => hub.subgraphs[subgraph].dataSource.getRepository(OutboxEvent).count();

  beforeAll(async () => {
    for (const name of EVENT_VARIABLES) saved[name] = process.env[name];
    Object.assign(process.env, { NATS_URL, HUB_EVENTS_STREAM: stream, HUB_EVENTS_SUBJECT_PREFIX: subjectPrefix, HUB_EVENTS_POLL_MS: '200' });
    hub = await startTestHub(kind, `event-types-${kind}`);
    events = await EventStream.open(stream);
  }, 900_000);
  afterAll(async () => {
    await hub?.close();
    await events?.close();
    for (const name of EVENT_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  describe('dossiers (procedures)', () => {
    let dossierId: string;
    const move = async (to: string) => {
      const moved = await hub.query<any>(`mutation($id: ID!, $to: DossierStatus!) { transitionDossier(id: $id, to: $to) { status } }`, { id: dossierId, to }, await hub.token('905', ['OFFICER']));
      expect(moved.errors).toBeUndefined();
    };

    it('dossier.received: a dossier received in district 905', async () => {
      const received = await hub.query<any>(
        `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`,
        { input: { clientKey: `types-${kind}`, procedureId: '91-X0001', unitCode: '905', agencyId: '905.motcua', channel: 'IN_PERSON', componentCount: 1, applicantName: 'Lê Văn Bình', applicantIdNumber: '091234567890' } },
        await hub.token('905', ['OFFICER']),
      );
      expect(received.errors).toBeUndefined();
      dossierId = received.data.receiveDossier.id;
      const [event] = await published('dossier.received', dossierId);
      expect(event).toMatchObject({ subgraph: 'procedures', record: { type: 'Dossier', id: dossierId }, unit: { id: '905', path: 'VN/91/905/' }, state: 'RECEIVED', sequence: 1 });
    });

    it('dossier.state_changed: RECEIVED to PROCESSING', async () => {
      await move('PROCESSING');
      const [event] = await published('dossier.state_changed', dossierId);
      expect(event).toMatchObject({ previousState: 'RECEIVED', state: 'PROCESSING', sequence: 2 });
    });

    it('dossier.resolved: PROCESSING to RESOLVED', async () => {
      await move('RESOLVED');
      const [event] = await published('dossier.resolved', dossierId);
      expect(event).toMatchObject({ previousState: 'PROCESSING', state: 'RESOLVED', sequence: 3 });
    });

    it('dossier.returned: RESOLVED to RETURNED; an officer of another district moves nothing and writes no event', async () => {
      const before = await outboxCount('procedures');
      const outsider = await hub.query<any>(`mutation($id: ID!) { transitionDossier(id: $id, to: RETURNED) { status } }`, { id: dossierId }, await hub.token('906', ['OFFICER']));
      expect(errorCodes(outsider)).toEqual(['NOT_FOUND']);
      expect(await outboxCount('procedures')).toBe(before);
      await move('RETURNED');
      const [event] = await published('dossier.returned', dossierId);
      expect(event).toMatchObject({ previousState: 'RESOLVED', state: 'RETURNED', sequence: 4 });
    });
  });

  describe('documents (documents)', () => {
    let documentId: string;
    const transfers: Record<string, string> = {};
    const updateTransfer = `mutation($input: UpdateTransferStatusInput!) { updateTransferStatus(input: $input) { status } }`;

    it('document.sent: a signed provincial document sent to a district and a commune, told to the sending province', async () => {
      const province = await hub.token('91', ['OFFICER']);
      const certificates = await hub.query<any>(`{ agency(id: "91.ubnd") { certificates(kind: ORGANIZATION) { edges { node { id status } } } } }`, {}, province);
      const certificate = certificates.data.agency.certificates.edges.map((edge: any) => edge.node).find((node: any) => node.status === 'VALID');
      const registered = await hub.query<any>(
        `mutation($input: RegisterDocumentInput!) { registerDocument(input: $input) { id } }`,
        { input: { agencyId: '91.ubnd', typeAbbreviation: 'KH', issuerAbbreviation: 'UBND', title: 'Kế hoạch sự kiện', content: 'Nội dung kế hoạch.' } },
        province,
      );
      expect(registered.errors).toBeUndefined();
      documentId = registered.data.registerDocument.id;
      const signed = await hub.query<any>(`mutation($input: SignDocumentInput!) { signDocument(input: $input) { id } }`, { input: { documentId, certificateId: certificate.id } }, province);
      expect(signed.errors).toBeUndefined();
      const sent = await hub.query<any>(
        `mutation($input: SendDocumentInput!) { sendDocument(input: $input) { transfers { edges { node { id recipient { id } } } } } }`,
        { input: { documentId, recipientAgencyIds: ['905.ubnd', '30880.ubnd'] } },
        province,
      );
      expect(sent.errors).toBeUndefined();
      for (const { node: transfer } of sent.data.sendDocument.transfers.edges) transfers[transfer.recipient.id] = transfer.id;
      const [event] = await published('document.sent', documentId);
      expect(event).toMatchObject({ subgraph: 'documents', record: { type: 'Document', id: documentId }, unit: { id: '91', path: 'VN/91/' }, state: 'ARRIVED' });
    });

    it("document.arrived: once per recipient, each carrying the recipient's unit", async () => {
      const arrived = await published('document.arrived', documentId, 2);
      expect(arrived.map((event) => event.unit.id).sort()).toEqual(['30880', '905']);
      expect(arrived.every((event) => event.state === 'ARRIVED')).toBe(true);
    });

    it('document.accepted: the district accepts', async () => {
      const accepted = await hub.query<any>(updateTransfer, { input: { transferId: transfers['905.ubnd'], status: 'ACCEPTED' } }, await hub.token('905', ['OFFICER']));
      expect(accepted.errors).toBeUndefined();
      const [event] = await published('document.accepted', documentId);
      expect(event).toMatchObject({ unit: { id: '905' }, previousState: 'ARRIVED', state: 'ACCEPTED' });
    });

    it('document.refused: the commune refuses; refusing again is a CONFLICT and writes no event', async () => {
      const commune = await hub.token('30880', ['OFFICER']);
      const refused = await hub.query<any>(updateTransfer, { input: { transferId: transfers['30880.ubnd'], status: 'REFUSED', note: 'Không đúng thẩm quyền' } }, commune);
      expect(refused.errors).toBeUndefined();
      const [event] = await published('document.refused', documentId);
      expect(event).toMatchObject({ unit: { id: '30880' }, previousState: 'ARRIVED', state: 'REFUSED' });
      expect(JSON.stringify(event)).not.toContain('thẩm quyền');
      const before = await outboxCount('documents');
      const again = await hub.query<any>(updateTransfer, { input: { transferId: transfers['30880.ubnd'], status: 'REFUSED' } }, commune);
      expect(errorCodes(again)).toEqual(['CONFLICT']);
      expect(await outboxCount('documents')).toBe(before);
      // Five events about the document, numbered in the order they were written.
      const all = (await events.waitFor((candidate) => candidate.record.id === documentId, 5)).map(({ event }) => event.sequence);
      expect(all).toEqual([1, 2, 3, 4, 5]);
    });
  });

  describe('inspections (inspections)', () => {
    let inspectionId: string;
    let findingId: string;

    it('inspection.concluded: Gia Lai concludes its inspection of KBang, told to both sides', async () => {
      const inspector = await hub.token('64', ['INSPECTOR']);
      const plan = await hub.query<any>(
        `mutation($input: CreateInspectionPlanInput!) { createInspectionPlan(input: $input) { id } }`,
        { input: { unitCode: '64', year: 2015, coverageTarget: 30, decisionNumber: '19/KH-UBND', decidedOn: '2015-02-02', targetAgencyIds: ['625.ubnd'] } },
        inspector,
      );
      expect(plan.errors).toBeUndefined();
      const scheduled = await hub.query<any>(
        `mutation($input: ScheduleInspectionInput!) { scheduleInspection(input: $input) { id } }`,
        { input: { planId: plan.data.createInspectionPlan.id, targetAgencyId: '625.ubnd', scheduledOn: '2015-04-20', teamOfficialIds: ['64.so-noi-vu.cb1'] } },
        inspector,
      );
      expect(scheduled.errors).toBeUndefined();
      inspectionId = scheduled.data.scheduleInspection.id;
      const concluded = await hub.query<any>(
        `mutation($input: ConcludeInspectionInput!) { concludeInspection(input: $input) { status findings { edges { node { id } } } } }`,
        {
          input: {
            inspectionId,
            conductedOn: '2015-04-20',
            concludedOn: '2015-05-04',
            conclusion: 'Hoàn thành cơ bản các nhiệm vụ.',
            findings: [{ area: 'E_GOVERNMENT', severity: 'MINOR', description: 'Tỷ lệ văn bản điện tử còn thấp.', dueOn: '2099-12-31' }],
          },
        },
        inspector,
      );
      expect(concluded.errors).toBeUndefined();
      findingId = concluded.data.concludeInspection.findings.edges[0].node.id;
      const sides = await published('inspection.concluded', inspectionId, 2);
      expect(sides.map((event) => event.unit.path).sort()).toEqual(['VN/64/', 'VN/64/625/']);
      expect(sides.every((event) => event.state === 'CONCLUDED' && event.previousState === 'PLANNED')).toBe(true);
    });

    it('finding.remedied: the district remedies the finding; a sibling district cannot, and writes no event', async () => {
      const remedy = `mutation($input: RemedyFindingInput!) { remedyFinding(input: $input) { remediatedAt } }`;
      const before = await outboxCount('inspections');
      expect(errorCodes(await hub.query<any>(remedy, { input: { findingId, evidence: 'Báo cáo' } }, await hub.token('626', ['OFFICER'])))).toEqual(['NOT_FOUND']);
      expect(await outboxCount('inspections')).toBe(before);
      const remedied = await hub.query<any>(remedy, { input: { findingId, evidence: 'Báo cáo 7/BC-UBND' } }, await hub.token('625', ['OFFICER']));
      expect(remedied.errors).toBeUndefined();
      const sides = await published('finding.remedied', findingId, 2);
      expect(sides.map((event) => [event.record.type, event.state, event.previousState])).toEqual([
        ['Finding', 'REMEDIATED', 'OPEN'],
        ['Finding', 'REMEDIATED', 'OPEN'],
      ]);
      expect(JSON.stringify(sides)).not.toContain('7/BC-UBND');
    });
  });

  it('has emitted every type of the contract', () => {
    expect([...seen].sort()).toEqual([...EVENT_TYPES].sort());
  });
});
