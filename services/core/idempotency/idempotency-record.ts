import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One idempotency key a principal used on a creating mutation (table `idempotency_record`, one
 * per subgraph database): what the first request asked and what it created. Written in the
 * transaction of the write it guards, so a key never exists without its write, nor a write
 * without its key. Kept for good (at least the 24 hours the README promises).
 */
@Entity('idempotency_record')
@Index(['owner', 'clientKey'], { unique: true })
export class IdempotencyRecord {
  @PrimaryGeneratedColumn()
  id!: number;

  /** SHA-256 (hex) of the principal's kind, subject and unit: a key belongs to who used it. */
  @Column({ type: 'varchar', length: 64 })
  owner!: string;

  /** The key as the client sent it (1 to 128 printable ASCII characters). */
  @Column({ type: 'varchar', length: 128 })
  clientKey!: string;

  /** The mutation's field name (`registerDocument`). */
  @Column({ type: 'varchar', length: 64 })
  mutation!: string;

  /** SHA-256 (hex) of the canonical input: the same key with other input is refused. */
  @Column({ type: 'varchar', length: 64 })
  requestHash!: string;

  /** JSON array of the ids of what the first request created, in the order it answered them. */
  @Column({ type: 'text' })
  resultIds!: string;

  /** UTC, ISO 8601. */
  @Column({ type: 'varchar', length: 24 })
  createdAt!: string;
}
