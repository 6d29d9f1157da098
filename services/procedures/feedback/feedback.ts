import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Phản ánh, kiến nghị (PAKN): feedback from people and businesses on a procedure. Only its statistics are exposed. */
@Entity('procedure_feedback')
@Index(['unitPath', 'receivedAt'])
export class Feedback {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  id!: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  procedureId!: string | null;

  @Column({ type: 'varchar', length: 16 })
  unitId!: string;

  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Column({ type: 'varchar', length: 19 })
  receivedAt!: string;

  @Column({ type: 'varchar', length: 19 })
  dueAt!: string;

  @Column({ type: 'varchar', length: 19, nullable: true })
  handledAt!: string | null;
}
