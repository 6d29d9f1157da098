import express from 'express';
import { inRequestScope } from '../../services/core/observability/http-scope';
import { GraphQLError } from 'graphql';
import { effectiveScopes } from '../../services/core/access/service-scopes';
import type { RequestRateLimiter } from '../plugins/rate-limit';
import { JWT_BEARER_ASSERTION, OAuthError, secretMatches, verifyClientAssertion } from './client-authentication';
import type { ClientDirectory } from './client-directory';
import { mintClientToken, type ClientTokenConfig } from './client-tokens';
import type { UnitDirectory } from '../../services/core/institutions/unit-directory';
import { unitCodeOf } from '../../services/core/access/unit-path';
import { treeDay } from '../../services/core/time';

export const TOKEN_PATH = '/oauth/token';

interface TokenEndpointOptions {
  clients: ClientDirectory;
  /** To refuse a client of a dissolved unit (docs/architecture.md, rule 13). */
  units: UnitDirectory;
  tokens: ClientTokenConfig;
  audience: string;
  rateLimiter: RequestRateLimiter;
}

/** client_secret_basic (RFC 6749 §2.3.1): form-encoded id and secret in a Basic header. */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header) : null;
  if (!header) return undefined;
  if (!match) throw new OAuthError('invalid_request', 'The Authorization header must be "Basic <base64(client_id:client_secret)>"');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_request', 'The Basic credentials must be client_id:client_secret');
  const decode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));
  return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
}

function single(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new OAuthError('invalid_request', `${name} must be given once`);
  return value;
}

/**
 * POST /oauth/token: the client-credentials grant of RFC 6749 §4.4. A registered client
 * authenticates with its secret (Basic or in the body) or with a signed assertion
 * (private_key_jwt), and gets a short-lived bearer token for its unit and scopes.
 */
export function tokenEndpoint(options: TokenEndpointOptions): express.Router {
  const router = express.Router();
  router.post(TOKEN_PATH, inRequestScope(express.urlencoded({ extended: false, limit: '16kb' })), async (request, response) => {
    response.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    const fail = (error: OAuthError, basic: boolean) => {
      if (error.status === 401 && basic) response.set('WWW-Authenticate', 'Basic realm="gov-hub"');
      response.status(error.status).json({ error: error.error, error_description: error.message });
    };
    let usedBasic = false;
    try {
      await options.rateLimiter.consume(undefined, request.ip ?? 'unknown');
    } catch (error) {
      if ((error as GraphQLError).extensions?.code !== 'RATE_LIMITED') {
        response.status(503).json({ error: 'temporarily_unavailable', error_description: 'The rate limit cannot be checked right now; try again shortly' });
        return;
      }
      const seconds = Number((error as GraphQLError).extensions?.retryAfterSeconds ?? 60);
      response.set('Retry-After', String(seconds)).status(429).json({ error: 'too_many_requests', error_description: (error as Error).message });
      return;
    }
    try {
      if (!request.is('application/x-www-form-urlencoded')) {
        throw new OAuthError('invalid_request', 'The body must be application/x-www-form-urlencoded (RFC 6749 §4.4.2)');
      }
      const body = (request.body ?? {}) as Record<string, unknown>;
      const grantType = single(body, 'grant_type');
      if (!grantType) throw new OAuthError('invalid_request', 'grant_type is missing');
      if (grantType !== 'client_credentials') throw new OAuthError('unsupported_grant_type', `Only grant_type=client_credentials is supported, not "${grantType}"`);

      const basic = basicCredentials(request.header('authorization'));
      usedBasic = basic !== undefined;
      const bodySecret = single(body, 'client_secret');
      const assertion = single(body, 'client_assertion');
      const methods = [basic, bodySecret, assertion].filter((method) => method !== undefined).length;
      if (methods === 0) throw new OAuthError('invalid_client', 'No client authentication: use Basic, client_secret or client_assertion', 401);
      if (methods > 1) throw new OAuthError('invalid_request', 'Use exactly one client authentication method');
      if (assertion !== undefined && single(body, 'client_assertion_type') !== JWT_BEARER_ASSERTION) {
        throw new OAuthError('invalid_request', `client_assertion_type must be ${JWT_BEARER_ASSERTION}`);
      }
      const clientId = basic?.id ?? single(body, 'client_id');
      if (!clientId) throw new OAuthError('invalid_request', 'client_id is missing');

      const client = await options.clients.fresh(clientId);
      if (!client) throw new OAuthError('invalid_client', 'Unknown client or wrong credentials');
      if (client.status !== 'ACTIVE') throw new OAuthError('invalid_client', `Client ${clientId} is revoked`);
      if (assertion !== undefined) {
        const tokenUrl = `${request.protocol}://${request.get('host')}${TOKEN_PATH}`;
        await verifyClientAssertion(assertion, client, [tokenUrl, options.audience]);
      } else if (client.authentication !== 'SECRET' || !secretMatches(basic?.secret ?? bodySecret ?? '', client.secretHash)) {
        throw new OAuthError('invalid_client', 'Unknown client or wrong credentials');
      }

      // A client acts for the unit it was registered with; once that unit is dissolved it gets no token.
      const unit = await options.units.findById(unitCodeOf(client.unitPath));
      if (unit?.validTo && unit.validTo < treeDay()) {
        const successors = unit.successors.map((successor) => `${successor.code} (${successor.name})`).join(', ');
        throw new OAuthError(
          'unauthorized_client',
          `Client ${clientId} acts for unit ${unit.code} (${unit.name}), dissolved after ${unit.validTo}: register the system with a unit in force${successors ? ` (${successors})` : ''}`,
        );
      }
      const granted = effectiveScopes(client.scopes);
      const asked = single(body, 'scope');
      const scopes = asked === undefined ? client.scopes : asked.split(' ').filter(Boolean);
      const refused = scopes.filter((scope) => !granted.has(scope as never));
      if (refused.length || scopes.length === 0) {
        throw new OAuthError('invalid_scope', `Scope(s) not granted to ${clientId}: ${refused.join(' ') || '(none asked)'}; granted: ${client.scopes.join(' ')}`);
      }
      const accessToken = await mintClientToken(options.tokens, options.audience, client, scopes);
      response.json({ access_token: accessToken, token_type: 'Bearer', expires_in: options.tokens.lifetimeSeconds, scope: scopes.join(' ') });
    } catch (error) {
      if (error instanceof OAuthError) return fail(error, usedBasic);
      response.status(503).json({ error: 'temporarily_unavailable', error_description: 'The client registry is unavailable; try again shortly' });
    }
  });
  return router;
}
