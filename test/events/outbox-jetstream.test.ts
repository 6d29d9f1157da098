import { mintDevToken } from '../../gateway/auth/dev-token';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { startProcessHub, type ProcessHub } from '../support/hub-processes';
import { CONTRACT_FIELDS, EventStream, NATS_URL, outboxRows, uniqueStream, waitForOutbox } from './event-stream';

const RECEIVE = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id status } }`;
const TRANSITION = `mutation($id: ID!, $to: DossierStatus!) { transitionDossier(id: $id, to: $to) { status } }`;
const APPLICANT = { applicantName: 'Trần Thị Lan', applicantIdNumber: '091987654321' };
const input = (clientKey: string, overrides: Record<string, unknown> = {}) => ({
  clientKey,
  procedureId: '91-X0001',
  unitCode: '30880',
  agencyId: '30880.motcua',
  channel: 'IN_PERSON',
  componentCount: 2,
  ...APPLICANT,
  ...overrides,
});

/**
 * The outbox and its relay as they run: each subgraph in its own process (so one can be
 * SIGKILLed), the real gateway over HTTP, NATS JetStream on this machine, on both databases.
 */
describe.each(DATABASES)('events through the outbox and NATS JetStream on %s', (kind) => {
  const { stream, subjectPrefix } = uniqueStream(`outbox${kind}`);
  // Read at each spawn: the kill test changes the relay delay before it starts procedures again.
  const env: Record<string, string> = {
    NATS_URL,
    HUB_EVENTS_STREAM: stream,
    HUB_EVENTS_SUBJECT_PREFIX: subjectPrefix,
    HUB_EVENTS_POLL_MS: '200',
    HUB_EVENTS_LEASE_MS: '2000',
    HUB_EVENTS_RELAY_DELAY_MS: '0',
  };
  let hub: ProcessHub;
  let events: EventStream;
  let officer: string;
  const proceduresDb = () => hub.subgraphs.procedures.databaseUrl;
  const receive = async (clientKey: string, overrides: Record<string, unknown> = {}) => hub.query<any>(RECEIVE, { input: input(clientKey, overrides) }, officer);

  beforeAll(async () => {
    hub = await startProcessHub(kind, `events-${kind}`, { env });
    events = await EventStream.open(stream);
    officer = await mintDevToken({ unit: '30880', roles: ['OFFICER'] });
  }, 900_000);
  afterAll(async () => {
    await hub?.close();
    await events?.close();
  });

  it('writes one outbox row with the dossier a receiveDossier makes, and the relay publishes it with the contract fields and nothing personal', async () => {
    const before = await outboxRows(proceduresDb());
    const received = await receive(`events-${kind}-1`);
    expect(received.errors).toBeUndefined();
    const dossierId = received.data.receiveDossier.id;

    const written = (await outboxRows(proceduresDb())).slice(before.length);
    expect(written.map((row) => [row.type, JSON.parse(row.payload).record])).toEqual([['dossier.received', { type: 'Dossier', id: dossierId }]]);

    const [streamed] = await events.waitFor((event) => event.record.id === dossierId);
    expect(streamed).toBeDefined();
    expect(streamed.subject).toBe(`${subjectPrefix}.procedures.dossier.received`);
    expect(streamed.msgId).toBe(streamed.event.id);
    expect(streamed.event).toEqual({
      id: written[0].eventId,
      type: 'dossier.received',
      occurredAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      subgraph: 'procedures',
      record: { type: 'Dossier', id: dossierId },
      unit: { id: '30880', path: expect.stringMatching(/^VN\/91\/\d{3}\/30880\/$/) },
      state: 'RECEIVED',
      sequence: 1,
    });
    expect(Object.keys(streamed.event).every((key) => CONTRACT_FIELDS.includes(key))).toBe(true);
    expect(streamed.raw).not.toContain(APPLICANT.applicantName);
    expect(streamed.raw).not.toContain(APPLICANT.applicantIdNumber);
    const stamped = await waitForOutbox(proceduresDb(), (rows) => rows.find((row) => row.eventId === streamed.event.id)?.publishedAt != null);
    expect(stamped.find((row) => row.eventId === streamed.event.id)?.publishedAt).toEqual(expect.any(String));
  });

  it('writes nothing for a mutation that fails: bad input, an unknown procedure, an illegal move', async () => {
    const before = await outboxRows(proceduresDb());
    expect(errorCodes(await receive(`events-${kind}-bad-count`, { componentCount: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await receive(`events-${kind}-bad-procedure`, { procedureId: 'no-such-procedure' }))).toEqual(['NOT_FOUND']);
    const received = await receive(`events-${kind}-2`);
    expect(received.errors).toBeUndefined();
    const illegal = await hub.query<any>(TRANSITION, { id: received.data.receiveDossier.id, to: 'RETURNED' }, officer);
    expect(errorCodes(illegal)).toEqual(['CONFLICT']);
    const written = (await outboxRows(proceduresDb())).slice(before.length);
    // Only the dossier that was received.
    expect(written.map((row) => [row.type, JSON.parse(row.payload).record.id])).toEqual([['dossier.received', received.data.receiveDossier.id]]);
  });

  it("keeps a record's order: its events reach the stream in sequence, each once", async () => {
    const received = await receive(`events-${kind}-order`);
    expect(received.errors).toBeUndefined();
    const id = received.data.receiveDossier.id;
    const moves = ['PROCESSING', 'SUPPLEMENT_REQUESTED', 'PROCESSING', 'RESOLVED', 'RETURNED'];
    for (const to of moves) {
      const moved = await hub.query<any>(TRANSITION, { id, to }, officer);
      expect(moved.errors).toBeUndefined();
    }
    const streamed = await events.waitFor((event) => event.record.id === id, 6);
    expect(streamed.map(({ event }) => [event.sequence, event.type, event.previousState ?? null, event.state])).toEqual([
      [1, 'dossier.received', null, 'RECEIVED'],
      [2, 'dossier.state_changed', 'RECEIVED', 'PROCESSING'],
      [3, 'dossier.state_changed', 'PROCESSING', 'SUPPLEMENT_REQUESTED'],
      [4, 'dossier.state_changed', 'SUPPLEMENT_REQUESTED', 'PROCESSING'],
      [5, 'dossier.resolved', 'PROCESSING', 'RESOLVED'],
      [6, 'dossier.returned', 'RESOLVED', 'RETURNED'],
    ]);
  });

  it('loses no event when the subgraph is SIGKILLed between the write and the relay: after a restart it arrives, once', async () => {
    // Procedures again, with a relay that holds every event an hour: the kill comes before any is published.
    await hub.kill('procedures');
    env.HUB_EVENTS_RELAY_DELAY_MS = '3600000';
    await hub.restart('procedures');
    const received = await receive(`events-${kind}-kill`);
    expect(received.errors).toBeUndefined();
    const id = received.data.receiveDossier.id;
    const waiting = (await outboxRows(proceduresDb())).filter((row) => JSON.parse(row.payload).record.id === id);
    expect(waiting.map((row) => [row.type, row.publishedAt])).toEqual([['dossier.received', null]]);
    await hub.kill('procedures');
    expect(await events.waitFor((event) => event.record.id === id, 1, 1)).toEqual([]);

    env.HUB_EVENTS_RELAY_DELAY_MS = '0';
    await hub.restart('procedures');
    await waitForOutbox(proceduresDb(), (rows) => rows.every((row) => row.publishedAt !== null));
    const streamed = await events.waitFor((event) => event.record.id === id);
    expect(streamed.map(({ event }) => [event.id, event.type, event.sequence])).toEqual([[waiting[0].eventId, 'dossier.received', 1]]);
    // Nothing published twice across the restarts (each event id once in the stream).
    const ids = (await events.all()).map(({ event }) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
