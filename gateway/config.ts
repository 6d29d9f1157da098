import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { env, envInt, isProduction, projectRoot } from '../services/core/config';
import { clientTokenKey, devJwtSecret } from '../services/core/secrets';
import { CLIENT_TOKEN_ISSUER, type ClientTokenConfig } from './oauth/client-tokens';
import type { RateLimits } from './plugins/rate-limit';
import type { RequestLimits } from './plugins/request-limits';
import type { ShapeLimits } from './plugins/shape-limits';
import type { GatewayDeadlines } from './principal-forwarding';
import { corsOriginsFromEnv } from './cors';
import { DEFAULT_CLAIM_MAPPING, parseRoleMap, type ProviderClaimMapping } from './auth/provider-claims';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

export interface IdentityProviderConfig {
  issuer: string;
  /** PEM public key (SPKI) or a JWKS URL. */
  publicKeyPem?: string;
  jwksUrl?: string;
  algorithms: string[];
  /** Where its tokens hold the unit and the roles, and what its role names mean (gateway/auth/provider-claims.ts). */
  claims?: ProviderClaimMapping;
}

export interface GatewayConfig {
  port: number;
  host: string;
  supergraphSdl: string;
  /** Overrides of the subgraph URLs the supergraph names, by subgraph name. */
  subgraphUrls: Record<string, string>;
  audience: string;
  devTokens?: { secret: string; issuer: string };
  identityProvider?: IdentityProviderConfig;
  introspection: boolean;
  limits: GatewayLimits;
  rateLimits: RateLimits;
  /** Tokens of the client-credentials grant (POST /oauth/token). */
  clientTokens: ClientTokenConfig;
  /** How long a service client's status and safelist are cached: revocation takes effect within it. */
  clientCacheSeconds: number;
  /** How long a request and each of its subgraph calls may take. */
  deadlines: GatewayDeadlines;
  /** Front ends' origins allowed to call `/graphql` from a browser (`HUB_CORS_ORIGINS`; gateway/cors.ts). None when absent. */
  corsOrigins?: string[];
  /** Subgraphs `/ready` requires (`HUB_READY_SUBGRAPHS`); default institutions alone (gateway/health.ts). */
  readySubgraphs?: string[];
  /** The cache of public answers and the sharing of identical calls in flight; from the environment when absent. */
  caching?: GatewayCaching;
  /** One request in this many has its plugins timed (`HUB_PLUGIN_TIMING_EVERY`, default 10; gateway/plugins/plugin-timing.ts); from the environment when absent. */
  pluginTimingEvery?: number;
}

/** README, "Caching and deduplication". */
export interface GatewayCaching {
  /** `HUB_CACHE` (on|off, default on): anonymous public answers kept for their lifetimes. */
  publicAnswers: boolean;
  /** `HUB_DEDUP` (on|off, default on): identical subgraph calls in flight share one. */
  deduplicate: boolean;
}

const onOff = (name: string): boolean => {
  const value = env(name) ?? 'on';
  if (value !== 'on' && value !== 'off') throw new Error(`${name} must be on or off, got "${value}"`);
  return value === 'on';
};

export const cachingFromEnv = (): GatewayCaching => ({ publicAnswers: onOff('HUB_CACHE'), deduplicate: onOff('HUB_DEDUP') });

export interface GatewayLimits extends ShapeLimits, RequestLimits {
  /** Largest estimated cost (fields, multiplied by the page sizes of the lists they are under). */
  maxCost: number;
}

/** Limits sized so every operation of the README and the reports passes with room to spare. */
export function limitsFromEnv(): GatewayLimits {
  return {
    maxDepth: envInt('HUB_MAX_DEPTH', 12),
    maxAliases: envInt('HUB_MAX_ALIASES', 30),
    maxDirectives: envInt('HUB_MAX_DIRECTIVES', 20),
    maxCost: envInt('HUB_MAX_COST', 50_000),
    maxBatch: envInt('HUB_MAX_BATCH', 10),
    maxBodyBytes: envInt('HUB_MAX_BODY_BYTES', 100_000),
  };
}

export function rateLimitsFromEnv(): RateLimits {
  return {
    anonymousPerMinute: envInt('HUB_RATE_ANONYMOUS_PER_MINUTE', 300),
    userPerMinute: envInt('HUB_RATE_USER_PER_MINUTE', 1200),
    servicePerMinute: envInt('HUB_RATE_SERVICE_PER_MINUTE', 3000),
  };
}

/** Service clients' tokens: signed with the key of `clientTokenKey()` (services/core/secrets.ts). */
export function clientTokensFromEnv(): ClientTokenConfig {
  return { issuer: CLIENT_TOKEN_ISSUER, key: clientTokenKey(), lifetimeSeconds: envInt('HUB_CLIENT_TOKEN_SECONDS', 300) };
}

/**
 * A client request's deadline, from its arrival (`HUB_REQUEST_TIMEOUT_MS`, default 60 s), and the
 * most one subgraph call may take within it (`HUB_SUBGRAPH_TIMEOUT_MS`, default 30 s). A busy
 * hub answers slowly within them (the graph-wide walk's heaviest calls took over 10 s on a loaded
 * two-core machine); a subgraph that is down costs nothing, one that is frozen at most that much,
 * and only its own fields.
 */
export function deadlinesFromEnv(): GatewayDeadlines {
  const requestMs = envInt('HUB_REQUEST_TIMEOUT_MS', 60_000);
  return { requestMs, subgraphMs: Math.min(requestMs, envInt('HUB_SUBGRAPH_TIMEOUT_MS', 30_000)) };
}

export const pluginTimingEveryFromEnv = () => envInt('HUB_PLUGIN_TIMING_EVERY', 10);
export const clientCacheSecondsFromEnv = () => envInt('HUB_CLIENT_CACHE_SECONDS', 30);

export const SUPERGRAPH_FILE = resolve(projectRoot(), 'schema/supergraph.graphql');
export const DEV_TOKEN_ISSUER = 'gov-hub-dev';
export const DEFAULT_AUDIENCE = 'gov-hub';

/** Subgraph URL overrides: `INSTITUTIONS_URL`, `PROCEDURES_URL`, `DOCUMENTS_URL`, `INSPECTIONS_URL`. */
function subgraphUrlsFromEnv(): Record<string, string> {
  const urls: Record<string, string> = {};
  const known: [string, string | undefined][] = [
    ['institutions', env('INSTITUTIONS_URL')],
    ['procedures', env('PROCEDURES_URL')],
    ['documents', env('DOCUMENTS_URL')],
    ['inspections', env('INSPECTIONS_URL')],
  ];
  for (const [name, url] of known) if (url) urls[name] = url;
  return urls;
}

function identityProviderFromEnv(): IdentityProviderConfig | undefined {
  const issuer = env('HUB_JWT_ISSUER');
  const publicKeyFile = env('HUB_JWT_PUBLIC_KEY_FILE');
  const publicKeyPem = env('HUB_JWT_PUBLIC_KEY') ?? (publicKeyFile ? readFileSync(publicKeyFile, 'utf8') : undefined);
  const jwksUrl = env('HUB_JWKS_URL');
  if (!publicKeyPem && !jwksUrl) return undefined;
  if (!issuer) throw new Error('HUB_JWT_ISSUER must be set with HUB_JWT_PUBLIC_KEY or HUB_JWKS_URL');
  const algorithms = (env('HUB_JWT_ALGORITHMS') ?? 'RS256,ES256').split(',').map((name) => name.trim());
  return { issuer, publicKeyPem, jwksUrl, algorithms, claims: claimMappingFromEnv() };
}

/**
 * `HUB_IDP_UNIT_CLAIM` (dotted path, default `unit`), `HUB_IDP_ROLES_CLAIM` (dotted paths,
 * comma-separated, default `roles`), `HUB_IDP_ROLE_MAP` (`providerRole=HUBROLE,...`; default
 * the hub's own role names). README, "Identity providers".
 */
export function claimMappingFromEnv(): ProviderClaimMapping {
  const roleMap = env('HUB_IDP_ROLE_MAP');
  return {
    unitClaim: env('HUB_IDP_UNIT_CLAIM') ?? DEFAULT_CLAIM_MAPPING.unitClaim,
    rolesClaims: env('HUB_IDP_ROLES_CLAIM')?.split(',').map((path) => path.trim()).filter(Boolean) ?? DEFAULT_CLAIM_MAPPING.rolesClaims,
    roleMap: roleMap ? parseRoleMap(roleMap) : DEFAULT_CLAIM_MAPPING.roleMap,
  };
}

export function gatewayConfigFromEnv(): GatewayConfig {
  const devSecret = devJwtSecret();
  return {
    port: envInt('PORT', 4000),
    host: env('HOST') ?? '127.0.0.1',
    supergraphSdl: readFileSync(env('HUB_SUPERGRAPH_FILE') ?? SUPERGRAPH_FILE, 'utf8'),
    subgraphUrls: subgraphUrlsFromEnv(),
    audience: env('HUB_JWT_AUDIENCE') ?? DEFAULT_AUDIENCE,
    devTokens: devSecret ? { secret: devSecret, issuer: DEV_TOKEN_ISSUER } : undefined,
    identityProvider: identityProviderFromEnv(),
    // Introspection is on in development and off in production unless asked for.
    introspection: (env('HUB_INTROSPECTION') ?? (isProduction() ? 'off' : 'on')) === 'on',
    limits: limitsFromEnv(),
    rateLimits: rateLimitsFromEnv(),
    clientTokens: clientTokensFromEnv(),
    clientCacheSeconds: clientCacheSecondsFromEnv(),
    deadlines: deadlinesFromEnv(),
    corsOrigins: corsOriginsFromEnv(),
    readySubgraphs: env('HUB_READY_SUBGRAPHS')?.split(',').map((name) => name.trim()).filter(Boolean),
    caching: cachingFromEnv(),
  };
}
