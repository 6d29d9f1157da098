import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An event as institutions received it (services/core/events/hub-event.ts), stored once by its
 * id whatever the transport delivered twice; its webhook deliveries are made in the same
 * transaction (`event-intake.ts`).
 */
@Entity('hub_event')
export class StoredEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: string;

  @Column({ type: 'varchar', length: 20 })
  subgraph!: string;

  @Column({ type: 'varchar', length: 20 })
  recordType!: string;

  @Column({ type: 'varchar', length: 100 })
  recordId!: string;

  /** The record's unit path, stored form (`VN/62/`). */
  @Column({ type: 'varchar', length: 64 })
  unitPath!: string;

  @Column({ type: 'int' })
  sequence!: number;

  @Column({ type: 'varchar', length: 30 })
  occurredAt!: string;

  /** The HubEvent as JSON, exactly the `data` of every delivery. */
  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 30 })
  receivedAt!: string;
}
