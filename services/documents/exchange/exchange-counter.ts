import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { UnitLevel } from '../../core/unit-level';

/**
 * Documents one agency sent another on one day, as counted by the provincial exchange
 * platform (trục liên thông) the hub ingests from: the volume of exchanges that did not go
 * through the hub itself, so that statistics cover the whole province without a row per
 * document. `documentExchangeStats` adds these counts to the hub's own transfers.
 */
@Entity('exchange_daily_count')
@Index('exchange_count_unique', ['day', 'senderAgencyId', 'recipientAgencyId'], { unique: true })
export class ExchangeDailyCount {
  @PrimaryColumn({ type: 'varchar', length: 160 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: 'varchar', length: 64 })
  senderAgencyId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  senderUnitPath!: string;

  @Column({ type: 'varchar', length: 16 })
  senderLevel!: UnitLevel;

  @Column({ type: 'varchar', length: 64 })
  recipientAgencyId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  recipientUnitPath!: string;

  @Column({ type: 'varchar', length: 16 })
  recipientLevel!: UnitLevel;

  @Column({ type: 'int' })
  documents!: number;

  @Column({ type: 'varchar', length: 40 })
  source!: string;
}
