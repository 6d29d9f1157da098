import { Entity, PrimaryColumn } from 'typeorm';

/**
 * The audit chain's lock on MariaDB: one row (id 1) that every appending process locks
 * (`SELECT ... FOR UPDATE`) in the transaction that appends, so appends from any number of
 * processes take the head one after another and the chain never forks. On SQLite the
 * transaction itself is the lock (`BEGIN IMMEDIATE`); the table stays empty there.
 */
@Entity('audit_chain_lock')
export class AuditChainLock {
  @PrimaryColumn({ type: 'int' })
  id!: number;
}
