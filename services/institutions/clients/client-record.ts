import type { DataSource } from 'typeorm';
import type { ClientRecord } from '../../core/service-client-record';
import { unitPathOf } from '../../core/access';
import { SafelistedOperation } from './safelisted-operation';
import { ServiceClient } from './service-client';

export async function clientRecord(dataSource: DataSource, clientId: string): Promise<ClientRecord | null> {
  const client = await dataSource.getRepository(ServiceClient).findOneBy({ id: clientId });
  if (!client) return null;
  const operations = await dataSource.getRepository(SafelistedOperation).findBy({ clientId });
  return {
    id: client.id,
    name: client.name,
    unitCode: client.unitCode,
    unitPath: unitPathOf(client.unitPath),
    scopes: client.scopes,
    status: client.status as ClientRecord['status'],
    authentication: client.authentication as ClientRecord['authentication'],
    secretHash: client.secretHash,
    publicKeyPem: client.publicKeyPem,
    safelist: operations.map(({ hash, operationName, document }) => ({ hash, operationName, document })),
  };
}
