import { agencyIds, officialId } from '../../services/core/demo/agency-ids';
import { InstitutionsClient } from '../../services/core/institutions/institutions-client';
import { startSubgraphFrom, type RunningSubgraph } from '../../services/core/subgraph-definition';
import { institutions } from '../../services/institutions';
import { seededDatabaseUrl } from '../support/databases';
import { principal } from '../support/subgraph-client';

/**
 * The core institutions client against a real institutions subgraph: lookups made together go
 * out as one HTTP request, public answers are kept, answers asked as the caller are not shared
 * between principals. Requests are counted by wrapping `fetch`.
 */
describe('institutions client', () => {
  let subgraph: RunningSubgraph;
  let graphqlUrl: string;
  let requests = 0;
  const realFetch = globalThis.fetch;

  const kienGiang = principal('91', 'VN/91', ['VIEWER']);
  const konTum = principal('62', 'VN/62', ['VIEWER']);
  const newClient = () => new InstitutionsClient('test', () => graphqlUrl);
  /** How many requests reached institutions while `run` ran. */
  const counted = async <T>(run: () => Promise<T>): Promise<{ requests: number; value: T }> => {
    const before = requests;
    const value = await run();
    return { requests: requests - before, value };
  };
  const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: { extensions?: Record<string, unknown> }) => error);

  beforeAll(async () => {
    subgraph = await startSubgraphFrom(institutions, { databaseUrl: await seededDatabaseUrl('sqlite', 'institutions', 'coreclient'), port: 0 });
    graphqlUrl = `${subgraph.url}/graphql`;
    jest.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      if (String(input) === graphqlUrl) requests += 1;
      return realFetch(input, init);
    });
  }, 600_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await subgraph?.close();
  });

  it('sends N lookups made together as one aliased request: units, and agencies and officials as the caller or as the hub', async () => {
    const client = newClient();
    const units = ['91', '905', '906', '30880', '62', '64', '82', '99999'];
    const unitLookups = await counted(() => client.units.findMany(units));
    expect(unitLookups.requests).toBe(1);
    expect(unitLookups.value.map((unit) => unit?.code ?? null)).toEqual([...units.slice(0, 7), null]);

    const agencies = ['91.ubnd', '91.ttphvhcc', '905.motcua', '906.motcua', '30880.motcua', 'no-such-agency'];
    const officials = [officialId('91.ubnd', 1), officialId('905.motcua', 1)];
    const request = client.forRequest(kienGiang);
    const asCaller = await counted(() =>
      Promise.all([request.agencies.findMany(agencies, { as: 'caller' }), request.officials.findMany(officials, { as: 'caller' })]),
    );
    expect(asCaller.requests).toBe(1);
    const [agencyRecords, officialRecords] = asCaller.value;
    expect(agencyRecords.map((agency) => agency && [agency.id, agency.unit.code])).toEqual([
      ['91.ubnd', '91'], ['91.ttphvhcc', '91'], ['905.motcua', '905'], ['906.motcua', '906'], ['30880.motcua', '30880'], null,
    ]);
    expect(officialRecords.map((official) => official && [official.agencyId, official.unit.path, official.isLeader])).toEqual([
      ['91.ubnd', 'VN/91', true], ['905.motcua', 'VN/91/905', true],
    ]);

    const many = Array.from({ length: 40 }, (_v, index) => agencyIds.peoplesCommittee(String(30_000 + index)));
    const asHub = await counted(() => client.forRequest(konTum).agencies.findMany([...agencies, ...many], { as: 'hub' }));
    expect(asHub.requests).toBe(1);
    expect(asHub.value.slice(0, 5).every((agency) => agency !== null)).toBe(true);
  });

  it('keeps public answers (units; agencies asked as the hub) for later requests of any principal', async () => {
    const client = newClient();
    await client.units.findMany(['91', '905', '99999']);
    await client.forRequest(kienGiang).agencies.findMany(['91.ubnd', '905.motcua', 'no-such-agency'], { as: 'hub' });
    const again = await counted(async () => ({
      units: await client.units.findMany(['91', '905', '99999']),
      agencies: await client.forRequest(konTum).agencies.findMany(['91.ubnd', '905.motcua', 'no-such-agency'], { as: 'hub' }),
      anonymous: await client.forRequest().agencies.find('91.ubnd', { as: 'hub' }),
    }));
    expect(again.requests).toBe(0);
    expect(again.value.units.map((unit) => unit?.path ?? null)).toEqual(['VN/91', 'VN/91/905', null]);
    expect(again.value.agencies.map((agency) => agency?.id ?? null)).toEqual(['91.ubnd', '905.motcua', null]);
    expect(again.value.anonymous?.name).toBe('UBND Tỉnh Kiên Giang');
  });

  it("answers as the caller within the caller's scope only, never from another principal's answer or from the hub's", async () => {
    const client = newClient();
    await client.forRequest().agencies.find('91.ubnd', { as: 'hub' });
    const kienGiangRequest = client.forRequest(kienGiang);
    const own = await counted(() => kienGiangRequest.agencies.find('91.ubnd', { as: 'caller' }));
    expect([own.requests, own.value?.unit.code]).toEqual([1, '91']);
    // Within one request the caller's answer is kept: the same principal.
    expect((await counted(() => kienGiangRequest.agencies.find('91.ubnd', { as: 'caller' }))).requests).toBe(0);

    // Outside the caller's scope is answered like an id that names nothing (rule 2).
    const other = await counted(() => client.forRequest(konTum).agencies.find('91.ubnd', { as: 'caller' }));
    expect([other.requests, other.value]).toEqual([1, null]);
    expect(await client.forRequest(konTum).officials.find(officialId('91.ubnd', 1), { as: 'caller' })).toBeNull();
    // Kiên Giang's own answer is asked anew in its next request.
    expect((await counted(() => client.forRequest(kienGiang).agencies.find('91.ubnd', { as: 'caller' }))).requests).toBe(1);
  });

  it('refuses an unknown id as NOT_FOUND, or as BAD_USER_INPUT naming the argument; asking as the caller needs a principal', async () => {
    const request = newClient().forRequest(kienGiang);
    const [notFound, badInput] = await Promise.all([
      errorOf(request.agencies.require('no-such-agency', { as: 'hub' })),
      errorOf(request.officials.requireMany([officialId('91.ubnd', 1), 'no-such-official'], { as: 'caller', argument: 'teamOfficialIds' })),
    ]);
    expect(notFound?.extensions).toEqual({ code: 'NOT_FOUND' });
    expect(badInput?.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'teamOfficialIds' });
    const anonymous = await errorOf(newClient().forRequest().agencies.find('91.ubnd', { as: 'caller' }));
    expect(anonymous?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('names the first refused id in the order asked, whether unknown or outside the scope', async () => {
    const unknownFirst = await errorOf(
      newClient().forRequest(konTum).agencies.requireMany(['no-such-agency', '91.ubnd'], { as: 'caller', argument: 'targetAgencyIds' }),
    );
    const outsideFirst = await errorOf(
      newClient().forRequest(konTum).agencies.requireMany(['91.ubnd', 'no-such-agency'], { as: 'caller', argument: 'targetAgencyIds' }),
    );
    expect([unknownFirst?.extensions?.code, outsideFirst?.extensions?.code]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect([(unknownFirst as Error | null)?.message, (outsideFirst as Error | null)?.message]).toEqual(['No agency has id "no-such-agency"', 'No agency has id "91.ubnd"']);
  });
});
