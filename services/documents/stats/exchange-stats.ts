import type { SubgraphContext } from '../../core/context';
import { toNumber } from '../../core/database';
import { badInput } from '../../core/errors';
import { subtreeCondition, type UnitPath } from '../../core/access';
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

/** Per level, what one side (sender or recipient) in the subtree counts: platform counts + hub transfers. */
async function countsBySide(context: SubgraphContext, side: Side, territory: UnitPath | readonly UnitPath[], from: string, to: string) {
  const days = { from, to };
  const counterSide = subtreeCondition(`daily.${side}UnitPath`, territory);
  const transferSide = subtreeCondition(`transfer.${side}UnitPath`, territory);
  const counted = await context.dataSource
    .getRepository(ExchangeDailyCount)
    .createQueryBuilder('daily')
    .select(`daily.${side}Level`, 'level')
    .addSelect('SUM(daily.documents)', 'documents')
    .where(`${counterSide.sql} AND daily.day >= :from AND daily.day <= :to`, { ...counterSide.parameters, ...days })
    .groupBy(`daily.${side}Level`)
    .getRawMany<{ level: UnitLevel; documents: unknown }>();
  const transferred = await context.dataSource
    .getRepository(DocumentTransfer)
    .createQueryBuilder('transfer')
    .select(`transfer.${side}Level`, 'level')
    .addSelect('COUNT(*)', 'documents')
    .where(`${transferSide.sql} AND transfer.sentDay >= :from AND transfer.sentDay <= :to`, { ...transferSide.parameters, ...days })
    .groupBy(`transfer.${side}Level`)
    .getRawMany<{ level: UnitLevel; documents: unknown }>();
  const byLevel = new Map<UnitLevel, number>();
  for (const row of [...counted, ...transferred]) byLevel.set(row.level, (byLevel.get(row.level) ?? 0) + toNumber(row.documents));
  return byLevel;
}

export async function documentExchangeStats(context: SubgraphContext, territory: UnitPath | readonly UnitPath[], from: string, to: string): Promise<DocumentExchangeStats> {
  assertPeriod(from, to);
  const [sent, received] = await Promise.all([
    countsBySide(context, 'sender', territory, from, to),
    countsBySide(context, 'recipient', territory, from, to),
  ]);
  const levels = LEVEL_ORDER.filter((level) => sent.has(level) || received.has(level));
  const total = (counts: Map<UnitLevel, number>) => [...counts.values()].reduce((sum, value) => sum + value, 0);
  return {
    from,
    to,
    sent: total(sent),
    received: total(received),
    total: total(sent) + total(received),
    byLevel: levels.map((level) => ({ level, sent: sent.get(level) ?? 0, received: received.get(level) ?? 0 })),
  };
}
