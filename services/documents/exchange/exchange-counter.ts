import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UnitLevel } from '../../core/unit-level';

/**
 * Documents one agency sent another on one day, as counted by the provincial exchange
 * platform (trục liên thông) the hub ingests from: the volume of exchanges that did not go
 * through the hub itself, so that statistics cover the whole province without a row per
 * document. `documentExchangeStats` adds these counts to the hub's own transfers.
 */
@Entity('exchange_daily_count')
// Statistics read a subtree's range of paths within a range of days: one index per side.
@Index('exchange_count_sender', ['senderUnitPath', 'day'])
@Index('exchange_count_recipient', ['recipientUnitPath', 'day'])
export class ExchangeDailyCount {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  senderAgencyId!: string;

  @Column({ type: 'varchar', length: 64 })
  senderUnitPath!: string;

  @Column({ type: 'varchar', length: 16 })
  senderLevel!: UnitLevel;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  recipientAgencyId!: string;

  @Column({ type: 'varchar', length: 64 })
  recipientUnitPath!: string;

  @Column({ type: 'varchar', length: 16 })
  recipientLevel!: UnitLevel;

  @Column({ type: 'int' })
  documents!: number;

  @Column({ type: 'varchar', length: 40 })
  source!: string;
}
