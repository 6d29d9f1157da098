import { Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Lineage (docs/architecture.md, "Administrative units"): the territory of `predecessorId`, a
 * dissolved unit, went (wholly or in part) into `successorId`. Many to many: a new commune is
 * usually made of several old ones, and a few old communes were split. Read both ways.
 */
@Entity('unit_lineage')
@Index(['successorId'])
export class UnitLineage {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  predecessorId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  successorId!: string;
}
