/** The internal endpoint of institutions where the gateway looks a service client up. */
export const SERVICE_CLIENT_ENDPOINT = 'service-client';
/** The shared-state channel on which institutions names a client that changed (its id). */
export const SERVICE_CLIENT_CHANNEL = 'service-client-changed';

/** What the gateway needs of a service client to issue and honour its tokens. */
export interface ClientRecord {
  id: string;
  name: string;
  unitCode: string;
  /** Public form, `VN/62`. */
  unitPath: string;
  scopes: string[];
  status: 'ACTIVE' | 'REVOKED';
  authentication: 'SECRET' | 'PUBLIC_KEY';
  /** SHA-256 (hex) of the secret. */
  secretHash: string | null;
  publicKeyPem: string | null;
  safelist: { hash: string; operationName: string | null; document: string }[];
}
