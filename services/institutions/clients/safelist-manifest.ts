import { GraphQLError, GraphQLScalarType } from 'graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import type { SubgraphContext } from '../../core/context';
import { badInput } from '../../core/errors';
import { operationHash } from '../../core/principal';
import { isUniqueViolation } from '../../core/write-conflicts';
import { announceClientChange } from './client-changes';
import { activeClient } from './client-registry';
import { assertSafelistable } from './safelist';
import { SafelistedOperation } from './safelisted-operation';

/** Most documents one manifest may hold; the gateway's body limit (HUB_MAX_BODY_BYTES) bounds it too. */
export const MAX_MANIFEST_ENTRIES = 500;

/**
 * The JSON map GraphQL Code Generator's client preset writes as `persisted-documents.json`
 * (`persistedDocuments: true`): SHA-256 (hex) of each document -> the document's exact text.
 */
export const PersistedDocumentManifest = new GraphQLScalarType({
  ...JSONObjectResolver.toConfig(),
  name: 'PersistedDocumentManifest',
  description:
    'A persisted-documents manifest as GraphQL Code Generator\'s client preset writes it (persisted-documents.json): ' +
    'an object whose keys are the SHA-256 (64 lowercase hex digits) of each document and whose values are the documents\' exact text.',
  specifiedByURL: undefined,
});

@ObjectType({ description: 'What safelisting a manifest did: every document of it is now safelisted for the client.' })
export class SafelistManifestResult {
  @Field(() => Int, { description: 'Documents newly safelisted.' })
  added!: number;

  @Field(() => Int, { description: 'Documents that were safelisted already (left as they were).' })
  alreadyPresent!: number;

  @Field(() => Int, { description: 'Documents in the manifest: added + alreadyPresent.' })
  total!: number;
}

const manifestError = (message: string) => badInput(message, 'manifest');

/**
 * Each entry checked before anything is written: the key is the SHA-256 of its text (the key
 * the gateway computes for what a client sends, `operationHash`), and the text is a document a
 * client may run (`assertSafelistable`, as for one operation). The first bad entry is named.
 */
function checkedEntries(manifest: unknown): { hash: string; document: string; operationName: string }[] {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) throw manifestError('manifest must be a JSON object of hash -> document');
  const entries = Object.entries(manifest as Record<string, unknown>);
  if (entries.length === 0 || entries.length > MAX_MANIFEST_ENTRIES) throw manifestError(`manifest must hold 1 to ${MAX_MANIFEST_ENTRIES} documents, found ${entries.length}`);
  return entries.map(([key, document]) => {
    const shown = key.length <= 64 ? JSON.stringify(key) : `${JSON.stringify(key.slice(0, 64))}…`;
    if (!/^[0-9a-f]{64}$/.test(key)) throw manifestError(`manifest key ${shown} is not a SHA-256 (64 lowercase hex digits)`);
    if (typeof document !== 'string') throw manifestError(`manifest entry ${key}: the document must be a string`);
    if (operationHash(document) !== key) throw manifestError(`manifest entry ${key}: the SHA-256 of its document is ${operationHash(document)}, not its key`);
    try {
      return { hash: key, document, ...assertSafelistable(document) };
    } catch (error) {
      if (error instanceof GraphQLError) throw manifestError(`manifest entry ${key}: ${error.message}`);
      throw error;
    }
  });
}

/**
 * Safelists every document of a manifest for a client, all or nothing (one transaction, after
 * every entry was checked); a document already safelisted is left as it is, so sending the same
 * manifest again adds nothing. Who may: as `safelistOperation` (an ADMIN of the client's unit or
 * above, rule 8). Errors: BAD_USER_INPUT naming the first bad entry; NOT_FOUND for a client
 * outside the scope; CONFLICT for a revoked client.
 */
export async function safelistManifest(context: SubgraphContext, clientId: string, manifest: unknown): Promise<SafelistManifestResult> {
  const client = await activeClient(context, clientId, 'Safelisting a manifest');
  const entries = checkedEntries(manifest);
  const registeredAt = new Date().toISOString();
  const registeredBy = context.principal!.subject;
  const write = () =>
    context.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(SafelistedOperation);
      const present = new Set(
        (await repository.createQueryBuilder('operation').select('operation.hash', 'hash').where('operation.clientId = :clientId', { clientId }).getRawMany<{ hash: string }>()).map(
          (row) => row.hash,
        ),
      );
      const missing = entries.filter((entry) => !present.has(entry.hash));
      const rows = missing.map((entry) =>
        Object.assign(new SafelistedOperation(), {
          id: `${clientId}:${entry.hash}`,
          clientId,
          hash: entry.hash,
          operationName: entry.operationName,
          document: entry.document,
          unitPath: client.unitPath,
          registeredAt,
          registeredBy,
          updatedAt: registeredAt,
        }),
      );
      // Chunks keep each statement within SQLite's and MariaDB's parameter limits.
      for (let start = 0; start < rows.length; start += 50) await repository.insert(rows.slice(start, start + 50));
      return { added: rows.length, alreadyPresent: entries.length - rows.length, total: entries.length };
    });
  let result: SafelistManifestResult;
  try {
    result = await write();
  } catch (error) {
    // The same documents safelisted concurrently: the transaction rolled back; once more sees them.
    if (!isUniqueViolation(error)) throw error;
    result = await write();
  }
  if (result.added > 0) await announceClientChange(clientId);
  return Object.assign(new SafelistManifestResult(), result);
}
