import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_AUDIENCE,
  DEV_TOKEN_ISSUER,
  SUPERGRAPH_FILE,
  clientCacheSecondsFromEnv,
  clientTokensFromEnv,
  limitsFromEnv,
  rateLimitsFromEnv,
} from '../../gateway/config';
import { startGateway } from '../../gateway/gateway-server';
import { startSubgraphFrom, type RunningSubgraph } from '../../services/core/subgraph-definition';
import type { RunningServer } from '../../services/core/subgraph-server';
import { institutions } from '../../services/institutions';
import { verifyAuditChain } from '../../services/institutions/audit/audit-chain';
import { AuditEntry } from '../../services/institutions/audit/audit-entry';
import { procedures } from '../../services/procedures';
import { DATABASES } from '../support/databases';
import { postGraphQL } from '../support/graphql-client';
import { startTestHub, type TestHub } from '../support/hub';

/** The URL a running subgraph's DataSource was opened with. */
function urlOf(dataSource: DataSource): string {
  const options = dataSource.options as { type: string; url?: string; database?: string };
  return options.type === 'mysql' ? options.url! : `sqlite:${options.database}`;
}

/**
 * Issue 11, item 8: two sets of gateway, institutions and procedures on the same databases, as
 * two replicas of the hub run. Each institutions server has its own DataSource (its own
 * connections) and appends to the one audit log; none of the entries of many mutations sent to
 * both at once is lost, and the chain holds.
 */
describe.each(DATABASES)('two hubs on one audit log, on %s', (kind) => {
  let hub: TestHub;
  let second: { institutions: RunningSubgraph; procedures: RunningSubgraph; gateway: RunningServer } | undefined;

  beforeAll(async () => {
    hub = await startTestHub(kind, 'audittwo');
    const secondInstitutions = await startSubgraphFrom(institutions, { databaseUrl: urlOf(hub.subgraphs.institutions.dataSource), port: 0, seedDemo: false });
    const institutionsUrl = `${secondInstitutions.url}/graphql`;
    const secondProcedures = await startSubgraphFrom(procedures, { databaseUrl: urlOf(hub.subgraphs.procedures.dataSource), port: 0, seedDemo: false, institutionsUrl });
    const urls = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, running]) => [name, `${running.url}/graphql`]));
    const gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
      subgraphUrls: { ...urls, institutions: institutionsUrl, procedures: `${secondProcedures.url}/graphql` },
      audience: DEFAULT_AUDIENCE,
      devTokens: { secret: process.env.HUB_DEV_JWT_SECRET!, issuer: DEV_TOKEN_ISSUER },
      introspection: true,
      limits: limitsFromEnv(),
      rateLimits: rateLimitsFromEnv(),
      clientTokens: clientTokensFromEnv(),
      clientCacheSeconds: clientCacheSecondsFromEnv(),
    });
    second = { institutions: secondInstitutions, procedures: secondProcedures, gateway };
  }, 900_000);
  afterAll(async () => {
    await second?.gateway.close();
    await second?.procedures.close();
    await second?.institutions.close();
    await hub?.close();
  });

  it('records every mutation sent to both hubs at once in one unbroken chain', async () => {
    const subject = 'audit-two-hubs';
    const officer = await hub.token('905', ['OFFICER'], { subject });
    const receive = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`;
    const input = { procedureId: '91-H0001', unitCode: '905', agencyId: '905.motcua', channel: 'IN_PERSON', componentCount: 1, applicantName: 'Lê Văn Tám', applicantIdNumber: '091234567890' };
    const gateways = [hub.gatewayUrl, second!.gateway.url];
    const perGateway = 60;
    const answers = await Promise.all(
      Array.from({ length: 2 * perGateway }, (_, index) =>
        postGraphQL<any>(`${gateways[index % 2]}/graphql`, receive, { input: { ...input, clientKey: `two-${index}` } }, { authorization: `Bearer ${officer}` }),
      ),
    );
    expect(answers.filter((answer) => answer.errors)).toEqual([]);

    const dataSource = hub.subgraphs.institutions.dataSource;
    const entries = await dataSource.getRepository(AuditEntry).find({ where: { actorSubject: subject } });
    const count = (outcome: string) => entries.filter((entry) => entry.outcome === outcome).length;
    expect([count('ATTEMPTED'), count('SUCCEEDED')]).toEqual([2 * perGateway, 2 * perGateway]);
    const made = new Set(answers.map((answer) => `Dossier:${answer.data.receiveDossier.id}`));
    expect(new Set(entries.filter((entry) => entry.outcome === 'SUCCEEDED').map((entry) => entry.targets[0]))).toEqual(made);
    const total = await dataSource.getRepository(AuditEntry).count();
    expect(await verifyAuditChain(dataSource)).toEqual({ entries: total, headHash: expect.any(String) });
  }, 300_000);
});
