import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A unit's reform results for a year: the survey figures behind SIPAS and the civil-service
 * rating. Percentages are computed from the counts at read time; SIPAS is kept in hundredths.
 */
@Entity('reform_score')
export class ReformScoreRecord {
  /** `<unitId>|<year>`: one record per unit and year (recording again replaces it). */
  @PrimaryColumn({ type: 'varchar', length: 32 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  unitId!: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Column({ type: 'int' })
  year!: number;

  /** SIPAS index in hundredths of a percent (8512 = 85.12%). */
  @Column({ type: 'int', nullable: true })
  sipasHundredths!: number | null;

  @Column({ type: 'int', nullable: true })
  civilServantsRated!: number | null;

  @Column({ type: 'int', nullable: true })
  civilServantsCompletedWell!: number | null;

  @Column({ type: 'varchar', length: 24 })
  recordedAt!: string;
}

/** Points of one PAR INDEX area. `parentPath` makes "siblings" one equality in the rank query. */
@Entity('reform_score_area')
@Index(['parentPath', 'year', 'area'])
export class ReformScoreAreaRecord {
  /** `<unitId>|<year>|<area>`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Index()
  @Column({ type: 'varchar', length: 32 })
  scoreId!: string;

  @Column({ type: 'varchar', length: 16 })
  unitId!: string;

  /** Stored path of the unit's parent: units with the same parent are siblings. */
  @Column({ type: 'varchar', length: 64 })
  parentPath!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ type: 'varchar', length: 32 })
  area!: string;

  /** Points in hundredths (1275 = 12.75 points). */
  @Column({ type: 'int' })
  pointsHundredths!: number;

  @Column({ type: 'int' })
  maxPointsHundredths!: number;
}
