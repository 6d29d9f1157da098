import type { SubgraphDefinition } from '../core/subgraph-definition';
import { buildDocumentsSchema, documentsEntities } from './schema';
import { authority } from './pki/authority';
import { sealStoredKeys } from './pki/stored-keys';
import { seedDocuments } from './seed/seed';
import { documentsMigrations } from './migrations';
import { logger } from '../core/observability/logger';

/** Electronic documents, digital certificates, signatures and inter-agency exchange. */
export const documents: SubgraphDefinition = {
  name: 'documents',
  defaultPort: 4003,
  entities: documentsEntities,
  migrations: documentsMigrations,
  buildSchema: buildDocumentsSchema,
  seedDemo: seedDocuments,
  emitsEvents: true,
  // Its private keys are sealed under the key-encryption key (pki/key-envelope.ts).
  secrets: ['keyEncryption'],
  prepare: async (dataSource) => {
    const { plaintext, rotated } = await sealStoredKeys(dataSource);
    if (plaintext > 0) logger().info({ keys: plaintext }, 'sealed private keys that were stored in plaintext');
    if (rotated > 0) logger().info({ keys: rotated }, 'resealed private keys under the new key-encryption key');
  },
  // Healthy only when its CA is at hand: made or read, its key opened with the key-encryption key.
  ready: async (dataSource) => {
    await authority(dataSource);
  },
};
