import { createHash } from 'node:crypto';

/** SHA-256 of a text: hex by default (safelist keys, secrets, idempotency keys), base64url for compact JWT claims. */
export const sha256 = (text: string, encoding: 'hex' | 'base64url' = 'hex') => createHash('sha256').update(text).digest(encoding);
