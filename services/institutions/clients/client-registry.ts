import type { SubgraphContext } from '../../core/context';
import { idempotent, type IdempotentResult, type TransactionalWrite } from '../../core/idempotency';
import { isUniqueViolation } from '../../core/write-conflicts';
import { badInput, conflict, notFound } from '../../core/errors';
import { assertMayManageClient, SCOPE_NAMES, isServiceScope } from '../../core/access';
import { assertUnitCode } from '../../core/unit-code';
import { unitByCodeOn } from '../unit/unit-versions';
import { successorsOf } from '../unit/lineage';
import { assertInForce } from '../../core/access';
import { treeDay } from '../../core/time';
import { serviceClientById } from './client-access';
import { assertPublicKey, newClientId, newClientSecret, secretHash } from './client-credentials';
import type { RegisterServiceClientInput } from './client-inputs';
import { operationHash } from '../../core/principal';
import { assertSafelistable } from './safelist';
import { announceClientChange } from './client-changes';
import { SafelistedOperation } from './safelisted-operation';
import { ClientAuthentication, ClientStatus, ServiceClient, type ServiceClientCredentials } from './service-client';

const now = () => new Date().toISOString();

function assertScopes(scopes: string[]): string[] {
  const unknown = scopes.filter((scope) => !isServiceScope(scope));
  if (unknown.length) throw badInput(`Unknown scope(s) ${unknown.join(', ')}: use ${SCOPE_NAMES.join(', ')}`, 'scopes');
  if (scopes.length === 0) throw badInput('A client needs at least one scope', 'scopes');
  return [...new Set(scopes)].sort();
}

/**
 * What a retry of registerServiceClient answers: the client the first request registered, without
 * its secret, which the hub keeps only as a hash and shows once (rotate the credentials if the
 * first answer was lost).
 */
const REGISTERED: IdempotentResult<ServiceClientCredentials> = {
  idsOf: ({ client }) => [client.id],
  load: async (manager, [id]) => ({ client: await manager.getRepository(ServiceClient).findOneByOrFail({ id }), clientSecret: null }),
};

/** Registers a client; idempotent on `input.clientKey` (`core/idempotency`), a retry without the secret. */
export function registerClient(context: SubgraphContext, input: RegisterServiceClientInput): Promise<ServiceClientCredentials> {
  return idempotent(context, { mutation: 'registerServiceClient', clientKey: input.clientKey, input, result: REGISTERED }, (write) =>
    register(context, input, write),
  );
}

async function register(context: SubgraphContext, input: RegisterServiceClientInput, write: TransactionalWrite<ServiceClientCredentials>): Promise<ServiceClientCredentials> {
  const name = input.name.trim();
  if (name.length < 1 || name.length > 120) throw badInput('name must have 1 to 120 characters', 'name');
  const scopes = assertScopes(input.scopes);
  const unit = await unitByCodeOn(context, assertUnitCode(input.unitCode, 'unitCode'), treeDay());
  if (!unit) throw notFound(`No administrative unit has code "${input.unitCode}"`);
  assertInForce({ ...unit, successors: await successorsOf(context, unit.id) }, 'unitCode');
  const admin = assertMayManageClient(context.principal, unit.unitPath, 'Registering a service client');
  const publicKeyPem = input.publicKeyPem ? assertPublicKey(input.publicKeyPem) : null;
  const secret = publicKeyPem ? null : newClientSecret();
  const client = Object.assign(new ServiceClient(), {
    id: newClientId(unit.code),
    name,
    unitCode: unit.code,
    unitPath: unit.unitPath,
    scopes,
    authentication: publicKeyPem ? ClientAuthentication.PUBLIC_KEY : ClientAuthentication.SECRET,
    secretHash: secret ? secretHash(secret) : null,
    publicKeyPem,
    status: ClientStatus.ACTIVE,
    createdAt: now(),
    createdBy: admin.subject,
    rotatedAt: null,
    revokedAt: null,
    revocationReason: null,
    updatedAt: '',
  });
  return write(async (manager) => {
    client.updatedAt = client.createdAt;
    await manager.insert(ServiceClient, client);
    return { client, clientSecret: secret };
  });
}

/** The client, in the caller's scope and still active, for a change by an ADMIN. */
export async function activeClient(context: SubgraphContext, id: string, what: string): Promise<ServiceClient> {
  const client = await serviceClientById(context).load(id);
  if (!client) throw notFound(`No service client has id "${id}"`);
  assertMayManageClient(context.principal, client.unitPath, what);
  if (client.status === ClientStatus.REVOKED) throw conflict(`Service client ${id} is revoked; register a new one`);
  return client;
}

/** New credentials: a new secret, or a new public key; the old ones stop working at once. */
export async function rotateCredentials(context: SubgraphContext, id: string, publicKeyPem?: string | null): Promise<ServiceClientCredentials> {
  const client = await activeClient(context, id, 'Rotating client credentials');
  let secret: string | null = null;
  if (client.authentication === ClientAuthentication.PUBLIC_KEY) {
    if (!publicKeyPem) throw badInput(`Client ${id} authenticates with a public key: give the new publicKeyPem`, 'publicKeyPem');
    client.publicKeyPem = assertPublicKey(publicKeyPem);
  } else {
    if (publicKeyPem) throw badInput(`Client ${id} authenticates with a secret: rotate without publicKeyPem`, 'publicKeyPem');
    secret = newClientSecret();
    client.secretHash = secretHash(secret);
  }
  client.rotatedAt = now();
  client.updatedAt = client.rotatedAt;
  await context.dataSource
    .getRepository(ServiceClient)
    .update({ id }, { publicKeyPem: client.publicKeyPem, secretHash: client.secretHash, rotatedAt: client.rotatedAt, updatedAt: client.updatedAt });
  await announceClientChange(id);
  return { client, clientSecret: secret };
}

export async function revokeClient(context: SubgraphContext, id: string, reason: string): Promise<ServiceClient> {
  const trimmed = reason.trim();
  if (trimmed.length < 1 || trimmed.length > 300) throw badInput('reason must have 1 to 300 characters', 'reason');
  const client = await activeClient(context, id, 'Revoking a service client');
  const revokedAt = now();
  Object.assign(client, { status: ClientStatus.REVOKED, revokedAt, revocationReason: trimmed, updatedAt: revokedAt });
  await context.dataSource
    .getRepository(ServiceClient)
    .update({ id }, { status: client.status, revokedAt, revocationReason: client.revocationReason, updatedAt: revokedAt });
  await announceClientChange(id);
  return client;
}

/**
 * Registers an operation for a client; registering the same text again returns the entry it has
 * (idempotent by nature, keyed by the text's hash: no clientKey needed).
 */
export async function safelistOperation(context: SubgraphContext, clientId: string, document: string): Promise<SafelistedOperation> {
  const client = await activeClient(context, clientId, 'Safelisting an operation');
  const { operationName } = assertSafelistable(document);
  // The key the gateway computes for what a client sends (operationHash), so the two always agree.
  const hash = operationHash(document);
  const repository = context.dataSource.getRepository(SafelistedOperation);
  const existing = await repository.findOneBy({ id: `${clientId}:${hash}` });
  if (existing) return existing;
  const admin = context.principal!;
  const registeredAt = now();
  const operation = Object.assign(new SafelistedOperation(), {
    id: `${clientId}:${hash}`,
    clientId,
    hash,
    operationName,
    document,
    unitPath: client.unitPath,
    registeredAt,
    registeredBy: admin.subject,
    updatedAt: registeredAt,
  });
  try {
    await repository.insert(operation);
  } catch (error) {
    // The same text registered concurrently: the entry the other request made is the answer.
    if (!isUniqueViolation(error)) throw error;
    return repository.findOneByOrFail({ id: operation.id });
  }
  return operation;
}

export async function removeSafelistedOperation(context: SubgraphContext, clientId: string, hash: string): Promise<SafelistedOperation> {
  await activeClient(context, clientId, 'Removing a safelisted operation');
  if (!/^[0-9a-f]{64}$/.test(hash)) throw badInput('hash must be 64 hexadecimal characters (SHA-256)', 'hash');
  const repository = context.dataSource.getRepository(SafelistedOperation);
  const operation = await repository.findOneBy({ id: `${clientId}:${hash}` });
  if (!operation) throw notFound(`Client ${clientId} has no safelisted operation ${hash}`);
  await repository.delete({ id: operation.id });
  await announceClientChange(clientId);
  return operation;
}
