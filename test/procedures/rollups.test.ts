import { addDays, periodOf, todayInVietnam } from '../../services/core/time';
import type { RunningSubgraph } from '../../services/core/subgraph-definition';
import { Procedure } from '../../services/procedures/procedure/procedure';
import { UnitDirectory } from '../../services/core/institutions/unit-directory';
import { DATABASES } from '../support/databases';
import { errorCodes } from '../support/graphql-client';
import { principal, querySubgraph } from '../support/subgraph-client';
import { startSubgraphs, type TestSubgraphs } from '../support/subgraphs';
import { scannedDossierCounts, scannedFeedbackCounts } from './scan-oracle';
import { backfillStatements } from '../../services/procedures/rollups/backfill';
import { COUNTER_COLUMNS, dialectOf } from '../../services/procedures/rollups/daily-count';

/**
 * The rollups (services/procedures/rollups, docs/architecture.md rule 15) against a direct scan
 * of the dossiers: after lifecycle changes made through the subgraph's own mutations, every
 * figure of dossierStats, its breakdowns, feedbackStats and the service index's dossier inputs,
 * on random units of both trees (a merged province with its lineage included) and random
 * periods, plus periods ending today, equal what the scan gives.
 */
const COUNTS = `received receivedInPeriod receivedOnline receivedInPersonOrPostal receivedPostal carriedOver resolved resolvedOnTime
  resolvedLate resolvedLateWithApology onTimeRate apologyRate rejected withdrawn inProgress overdueInProgress onlineRate components
  digitizedComponents digitizationRate paidOnline returned returnedByPost rated satisfied satisfactionRate`;

/** Units of both trees, each with its territory as the subgraph computes it (rule 13): nation, provinces, a district, communes. */
const UNITS = [
  { code: 'VN', territory: ['VN'] },
  { code: '62', territory: ['VN/62'] },
  { code: '91', territory: ['VN/91'] },
  { code: '905', territory: ['VN/91/905'] },
  { code: '30880', territory: ['VN/91/905/30880'] },
];

/** A small deterministic sequence, so that a failure can be replayed. */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe.each(DATABASES)('rollups against a scan on %s', (kind) => {
  let started: TestSubgraphs;
  let subgraph: RunningSubgraph;
  const nation = principal('VN', 'VN', ['VIEWER']);
  const ask = <T = any>(query: string, variables?: Record<string, unknown>, who = nation) => querySubgraph<T>(subgraph.url, query, variables, who);
  const onUnit = async (id: string, selection: string, who = nation) => {
    const result = await ask(`{ _entities(representations: [{ __typename: "AdministrativeUnit", id: "${id}" }]) { ... on AdministrativeUnit { ${selection} } } }`, {}, who);
    expect(result.errors).toBeUndefined();
    return result.data._entities[0];
  };
  const units: { code: string; id: string; territory: string[] }[] = [];

  beforeAll(async () => {
    started = await startSubgraphs(kind, 'rollups', ['institutions', 'procedures']);
    subgraph = started.subgraphs.procedures;
    // The territory of the merged provinces as the subgraph reads it (its lineage: rule 13).
    for (const unit of UNITS) units.push({ ...unit, id: unit.code });
    const directory = new UnitDirectory(() => `${started.subgraphs.institutions.url}/graphql`);
    for (const id of ['51@2025', '91@2025']) {
      const record = (await directory.findById(id))!;
      expect(record.territory.length).toBeGreaterThan(1);
      units.push({ code: record.id, id: record.id, territory: record.territory });
    }
  }, 600_000);
  afterAll(() => started?.close());

  it('keeps the rollups through lifecycle changes made by the mutations (received, supplement, resolved late with an apology, returned, rejected, withdrawn, open, today)', async () => {
    const officer = principal('905', 'VN/91/905', ['OFFICER']);
    const receive = `mutation($input: ReceiveDossierInput!) { receiveDossier(input: $input) { id } }`;
    const move = `mutation($id: ID!, $to: DossierStatus!, $at: DateTime) { transitionDossier(id: $id, to: $to, at: $at) { status } }`;
    const apology = `mutation($id: ID!, $newReturnAt: DateTime!, $at: DateTime) { issueApologyLetter(id: $id, newReturnAt: $newReturnAt, at: $at) { id } }`;
    const input = (clientKey: string, overrides: Record<string, unknown> = {}) => ({
      clientKey, procedureId: '91-H0001', unitCode: '905', agencyId: '905.motcua', channel: 'IN_PERSON', componentCount: 3, digitizedComponents: 1,
      applicantName: 'Trần Thị Bình', applicantIdNumber: '091234567891', ...overrides,
    });
    const received = async (key: string, overrides: Record<string, unknown> = {}) => {
      const result = await ask(receive, { input: input(key, overrides) }, officer);
      expect(result.errors).toBeUndefined();
      return result.data.receiveDossier.id as string;
    };
    const step = async (id: string, to: string, at?: string) => expect((await ask(move, { id, to, at }, officer)).errors).toBeUndefined();

    // Late, after a supplement wait, with an apology, then returned.
    const late = await received('rollup-late', { receivedAt: '2024-05-02T08:00:00+07:00', dueAt: '2024-05-06T17:00:00+07:00', channel: 'POSTAL', paidOnline: true, resultByPost: true });
    await step(late, 'SUPPLEMENT_REQUESTED', '2024-05-03T09:00:00+07:00');
    await step(late, 'PROCESSING', '2024-05-05T09:00:00+07:00');
    await step(late, 'RESOLVED', '2024-05-20T10:00:00+07:00');
    expect((await ask(apology, { id: late, newReturnAt: '2024-05-25T10:00:00+07:00', at: '2024-05-21T08:00:00+07:00' }, officer)).errors).toBeUndefined();
    await step(late, 'RETURNED', '2024-06-01T10:00:00+07:00');
    // On time; rejected; withdrawn; still open and overdue; received today.
    const onTime = await received('rollup-on-time', { receivedAt: '2024-12-30T08:00:00+07:00' });
    await step(onTime, 'PROCESSING', '2024-12-31T08:00:00+07:00');
    await step(onTime, 'RESOLVED', '2025-01-02T08:00:00+07:00');
    await step(await received('rollup-rejected', { receivedAt: '2024-02-01T08:00:00+07:00' }), 'REJECTED', '2024-02-03T08:00:00+07:00');
    await step(await received('rollup-withdrawn', { receivedAt: '2024-02-01T09:00:00+07:00', channel: 'POSTAL' }), 'WITHDRAWN', '2024-04-03T08:00:00+07:00');
    const open = await received('rollup-open', { receivedAt: '2024-03-01T08:00:00+07:00' });
    await step(open, 'SUPPLEMENT_REQUESTED', '2024-03-02T08:00:00+07:00');
    await received('rollup-today');

    // A dossier of the merged province Quảng Ngãi (51@2025), received after the reform: written on the real day (rule 13:
    // writes go to units in force), the suite otherwise reading the tree of 30 June 2025 (test/support/env.ts).
    const saved = process.env.HUB_AS_OF;
    process.env.HUB_AS_OF = '';
    try {
      const quangNgai = principal('51', 'VN/51@2025', ['OFFICER', 'ADMIN']);
      const [procedure] = await subgraph.dataSource.getRepository(Procedure).find({ where: { provinceId: '51@2025' }, take: 1 });
      const merged = await ask(receive, {
        input: input('rollup-merged', { procedureId: procedure.id, unitCode: '51', agencyId: '51@2025.ttphvhcc', receivedAt: '2025-08-01T09:00:00+07:00' }),
      }, quangNgai);
      expect(merged.errors).toBeUndefined();
      expect((await ask(move, { id: merged.data.receiveDossier.id, to: 'PROCESSING', at: '2025-08-02T09:00:00+07:00' }, quangNgai)).errors).toBeUndefined();
      expect((await ask(move, { id: merged.data.receiveDossier.id, to: 'RESOLVED', at: '2025-09-30T09:00:00+07:00' }, quangNgai)).errors).toBeUndefined();
    } finally {
      process.env.HUB_AS_OF = saved;
    }
  });

  it('keeps, through the mutations, exactly the rows a rebuild from the dossiers makes (npm run rollups:rebuild, the migration and the seed)', async () => {
    // The rebuild's own statements, run over the dossiers and feedback of the district the
    // mutations above wrote in (views), into a table of their own: its rows for that district and
    // below must be the ones the mutations kept. Rows whose counters all net to zero are kept by
    // the upserts and never made by a rebuild: they count nothing.
    const database = subgraph.dataSource;
    const district = `unitPath LIKE 'VN/91/905/%'`;
    const counted = async (table: string): Promise<string[]> =>
      (await database.query(
        `SELECT scopePath, day, procedureId, channel, ${COUNTER_COLUMNS.join(', ')} FROM ${table} ` +
          `WHERE scopePath LIKE 'VN/91/905/%' AND (${COUNTER_COLUMNS.map((name) => `${name} <> 0`).join(' OR ')}) ORDER BY scopePath, day, procedureId, channel`,
      )).map((row: Record<string, unknown>) => JSON.stringify(Object.values(row).map((value) => (typeof value === 'string' ? value : Number(value)))));
    await database.query(`CREATE VIEW rebuild_dossier AS SELECT * FROM dossier WHERE ${district}`);
    await database.query(`CREATE VIEW rebuild_feedback AS SELECT * FROM procedure_feedback WHERE ${district}`);
    await database.query('CREATE TABLE rebuild_rollups AS SELECT * FROM dossier_daily_counts WHERE 1 = 0');
    await database.query('CREATE UNIQUE INDEX rebuild_rollups_key ON rebuild_rollups (scopePath, day, procedureId, channel)');
    try {
      for (const statement of backfillStatements(dialectOf(database), { dossier: 'rebuild_dossier', feedback: 'rebuild_feedback', rollups: 'rebuild_rollups' })) {
        await database.query(statement);
      }
      const kept = await counted('dossier_daily_counts');
      const rebuilt = await counted('rebuild_rollups');
      // Days, months and years of the district, its communes and its procedures: the mutations' among them.
      expect(kept.length).toBeGreaterThan(100);
      expect(rebuilt.length).toBe(kept.length);
      expect(rebuilt.filter((row, index) => row !== kept[index]).slice(0, 5)).toEqual([]);
    } finally {
      await database.query('DROP TABLE rebuild_rollups');
      await database.query('DROP VIEW rebuild_feedback');
      await database.query('DROP VIEW rebuild_dossier');
    }
  }, 600_000);

  it('gives every dossier and feedback figure as the scan does, on random units and periods and periods ending today', async () => {
    const next = sequence(kind === 'sqlite' ? 14 : 41);
    const today = todayInVietnam();
    const day = (from: string, span: number) => addDays(from, Math.floor(next() * span));
    const periods: [string, string][] = [
      ['2024-01-01', today],
      [today, today],
      ['2025-07-01', today],
      ['2024-05-06', '2024-05-06'],
      ['2023-01-01', '2023-10-31'],
    ];
    for (let i = 0; i < 6; i++) {
      const from = day('2018-01-01', 3000);
      periods.push([from, addDays(from, Math.floor(next() * 900))]);
    }
    for (const [from, to] of periods) {
      const picked = [...units].sort(() => next() - 0.5).slice(0, 3);
      for (const unit of picked) {
        const period = periodOf(from, to > today ? today : to);
        const answer = await onUnit(unit.id, `
          dossierStats(from: "${period.from}", to: "${period.to}") { ${COUNTS} byChannel { channel ${COUNTS} } byLevel { level received resolved inProgress carriedOver } }
          feedbackStats(from: "${period.from}", to: "${period.to}") { received carriedOver handled handledOnTime pending }
          serviceIndex(from: "${period.from}", to: "${period.to}") { progress { inputs { numerator denominator } } digitization { inputs { numerator denominator } } }`);
        const [scanned] = await scannedDossierCounts(subgraph.dataSource, unit.territory, period);
        const label = `${unit.code} ${period.from}..${period.to}`;
        const { byChannel, byLevel, ...totals } = answer.dossierStats;
        expect([label, totals]).toEqual([label, scanned]);
        const channels = await scannedDossierCounts(subgraph.dataSource, unit.territory, period, 'channel');
        expect([label, byChannel]).toEqual([label, channels.map(({ groupKey, ...counts }) => ({ channel: groupKey, ...counts }))]);
        const levels = await scannedDossierCounts(subgraph.dataSource, unit.territory, period, 'level');
        expect([label, byLevel]).toEqual([
          label,
          levels.map(({ groupKey, received, resolved, inProgress, carriedOver }) => ({ level: groupKey, received, resolved, inProgress, carriedOver })),
        ]);
        expect([label, answer.feedbackStats]).toEqual([label, await scannedFeedbackCounts(subgraph.dataSource, unit.territory, period)]);
        expect([label, answer.serviceIndex.progress.inputs[0]]).toEqual([label, { numerator: scanned.resolvedOnTime, denominator: scanned.resolved }]);
        expect([label, answer.serviceIndex.digitization.inputs[0]]).toEqual([label, { numerator: scanned.digitizedComponents, denominator: scanned.components }]);
      }
    }
  }, 600_000);

  it('gives a principal outside the unit nothing from the rolled-up figures (rule 2)', async () => {
    const konTum = principal('62', 'VN/62', ['VIEWER']);
    const result = await ask(
      `{ _entities(representations: [{ __typename: "AdministrativeUnit", id: "91" }]) { ... on AdministrativeUnit { dossierStats(from: "2024-01-01", to: "2024-12-31") { received } feedbackStats(from: "2024-01-01", to: "2024-12-31") { received } } } }`,
      {},
      konTum,
    );
    expect(errorCodes(result)).toContain('FORBIDDEN');
    expect(result.data?._entities?.[0]?.dossierStats ?? null).toBeNull();
    expect(result.data?._entities?.[0]?.feedbackStats ?? null).toBeNull();
  });
});
