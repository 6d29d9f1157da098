import { ClientAuthentication, ClientStatus, ServiceClient } from '../clients/service-client';
import { SafelistedOperation } from '../clients/safelisted-operation';
import { operationHash } from '../../core/principal';
import { newClientSecret, secretHash } from '../clients/client-credentials';

/** The operation the demo dossier system of Kon Tum pushes dossiers with. */
export const DEMO_RECEIVE_DOSSIER = `mutation ReceiveDossier($input: ReceiveDossierInput!) {
  receiveDossier(input: $input) { id status receivedAt dueAt unit { code name } }
}`;

/**
 * Registered integrations, so the registry and the graph-wide suite have something to show:
 * Kon Tum's one-stop-desk system (dossiers:write, one safelisted operation) and Gia Lai's
 * document system (documents:exchange), registered before the reform; and their successors'
 * systems, registered with the merged Quảng Ngãi (51) and the merged Gia Lai (52) after it
 * (a client acts for the unit it was registered with: those of dissolved units get no tokens
 * after 30/6/2025). Their secrets are random and kept nowhere: an ADMIN of the province rotates
 * the credentials to get one (see the README).
 */
export function demoClients(): { clients: ServiceClient[]; operations: SafelistedOperation[] } {
  const at = '2026-01-01T00:00:00.000Z';
  const client = (id: string, name: string, unitCode: string, scopes: string[], unitId = unitCode) =>
    Object.assign(new ServiceClient(), {
      id,
      name,
      unitCode,
      unitPath: `VN/${unitId}/`,
      scopes,
      authentication: ClientAuthentication.SECRET,
      secretHash: secretHash(newClientSecret()),
      publicKeyPem: null,
      status: ClientStatus.ACTIVE,
      createdAt: at,
      createdBy: 'demo-seed',
      updatedAt: at,
      rotatedAt: null,
      revokedAt: null,
      revocationReason: null,
    });
  const konTum = client('svc-62-motcua', 'Hệ thống thông tin giải quyết TTHC tỉnh Kon Tum', '62', ['dossiers:write']);
  const giaLai = client('svc-64-vanban', 'Hệ thống quản lý văn bản và điều hành tỉnh Gia Lai', '64', ['documents:exchange']);
  const quangNgai = client('svc-51-motcua', 'Hệ thống thông tin giải quyết TTHC tỉnh Quảng Ngãi', '51', ['dossiers:write'], '51@2025');
  const giaLaiMerged = client('svc-52-vanban', 'Hệ thống quản lý văn bản và điều hành tỉnh Gia Lai', '52', ['documents:exchange'], '52@2025');
  const hash = operationHash(DEMO_RECEIVE_DOSSIER);
  const safelisted = (owner: ServiceClient) =>
    Object.assign(new SafelistedOperation(), {
      id: `${owner.id}:${hash}`,
      clientId: owner.id,
      hash,
      operationName: 'ReceiveDossier',
      document: DEMO_RECEIVE_DOSSIER,
      unitPath: owner.unitPath,
      registeredAt: at,
      registeredBy: 'demo-seed',
      updatedAt: at,
    });
  return { clients: [konTum, giaLai, quangNgai, giaLaiMerged], operations: [safelisted(konTum), safelisted(quangNgai)] };
}
