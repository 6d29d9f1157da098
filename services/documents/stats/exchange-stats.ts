import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { badInput } from '../../core/errors';
import { rowsByKey, whereInTerritories, type TerritoryBatch, type UnitPath } from '../../core/access';
import { isDate } from '../../core/time';
import { UnitLevel } from '../../core/unit-level';
import { DocumentTransfer } from '../exchange/document-transfer';
import { ExchangeDailyCount } from '../exchange/exchange-counter';
import type { DocumentExchangeStats } from './stats-types';

const LEVEL_ORDER = [UnitLevel.NATION, UnitLevel.PROVINCE, UnitLevel.DISTRICT, UnitLevel.COMMUNE];
type Side = 'sender' | 'recipient';

export function assertPeriod(from: string, to: string) {
  if (!isDate(from)) throw badInput(`from "${from}" is not a date YYYY-MM-DD`, 'from');
  if (!isDate(to)) throw badInput(`to "${to}" is not a date YYYY-MM-DD`, 'to');
  if (from > to) throw badInput('from must not be after to', 'from');
}

/**
 * Per level, what one side (sender or recipient) in the subtree counts: platform counts + hub
 * transfers; for a batch of territories, per key (docs/architecture.md, "Entity batches").
 */
async function countsBySide(context: SubgraphContext, side: Side, batch: TerritoryBatch, from: string, to: string): Promise<Map<string, Map<UnitLevel, number>>> {
  const days = { from, to };
  type Row = { level: UnitLevel; documents: unknown; batchKey: unknown };
  const counted = context.dataSource
    .getRepository(ExchangeDailyCount)
    .createQueryBuilder('daily')
    .select(`daily.${side}Level`, 'level')
    .addSelect('SUM(daily.documents)', 'documents')
    .where('daily.day >= :from AND daily.day <= :to', days)
    .groupBy(`daily.${side}Level`);
  const transferred = context.dataSource
    .getRepository(DocumentTransfer)
    .createQueryBuilder('transfer')
    .select(`transfer.${side}Level`, 'level')
    .addSelect('COUNT(*)', 'documents')
    .where('transfer.sentDay >= :from AND transfer.sentDay <= :to', days)
    .groupBy(`transfer.${side}Level`);
  const rows = [
    ...(await whereInTerritories(counted, `daily.${side}UnitPath`, batch).getRawMany<Row>()),
    ...(await whereInTerritories(transferred, `transfer.${side}UnitPath`, batch).getRawMany<Row>()),
  ];
  return new Map(
    [...rowsByKey(batch, rows)].map(([key, mine]) => {
      const byLevel = new Map<UnitLevel, number>();
      for (const row of mine) byLevel.set(row.level, (byLevel.get(row.level) ?? 0) + toNumber(row.documents));
      return [key, byLevel];
    }),
  );
}

export async function documentExchangeStats(context: SubgraphContext, territory: UnitPath | readonly UnitPath[], from: string, to: string): Promise<DocumentExchangeStats> {
  return (await documentExchangeStatsByKey(context, { byKey: [{ key: '', territory }] }, from, to)).get('')!;
}

/** Exchange statistics of a batch of territories, four statements whatever their number, by key. */
export async function documentExchangeStatsByKey(context: SubgraphContext, batch: TerritoryBatch, from: string, to: string): Promise<Map<string, DocumentExchangeStats>> {
  assertPeriod(from, to);
  const [sentByKey, receivedByKey] = await Promise.all([countsBySide(context, 'sender', batch, from, to), countsBySide(context, 'recipient', batch, from, to)]);
  const total = (counts: Map<UnitLevel, number>) => [...counts.values()].reduce((sum, value) => sum + value, 0);
  return new Map(
    batch.byKey.map(({ key }) => {
      const sent = sentByKey.get(key)!;
      const received = receivedByKey.get(key)!;
      const levels = LEVEL_ORDER.filter((level) => sent.has(level) || received.has(level));
      const stats = {
        from,
        to,
        sent: total(sent),
        received: total(received),
        total: total(sent) + total(received),
        byLevel: levels.map((level) => ({ level, sent: sent.get(level) ?? 0, received: received.get(level) ?? 0 })),
      };
      return [key, stats];
    }),
  );
}
