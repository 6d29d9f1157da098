import type express from 'express';
import { GraphQLError } from 'graphql';
import type { JWTPayload } from 'jose';
import type { UnitDirectory } from '../../services/core/institutions/unit-directory';
import { sendError } from '../../services/core/json-body';
import type { ClientDirectory } from '../oauth/client-directory';
import type { RequestRateLimiter } from '../plugins/rate-limit';
import type { GatewayContext } from '../principal-forwarding';
import { authenticate } from './authenticate';

/** Where the steps after authentication find who is asking. */
export const hubContextOf = (response: express.Response) => response.locals.hub as GatewayContext;

/**
 * Verifies the bearer token and counts the request against its rate limit before anything
 * else reads the operation: a bad token or a spent budget never reaches planning.
 */
export function authenticationMiddleware(
  verify: (token: string) => Promise<JWTPayload>,
  units: UnitDirectory,
  clients: ClientDirectory,
  rateLimiter: RequestRateLimiter,
): express.RequestHandler {
  return async (request, response, next) => {
    try {
      const { principal, client } = await authenticate(request.headers, verify, units.within(response.locals.deadline as number | undefined), clients);
      // Every operation of a batch counts, or a batch of ten would cost one request's budget.
      const operations = Array.isArray(request.body) ? request.body.length : 1;
      await rateLimiter.consume(principal, request.ip ?? 'unknown', operations);
      response.locals.hub = { principal, client } satisfies GatewayContext;
      next();
    } catch (error) {
      if (error instanceof GraphQLError) return sendError(response, error);
      next(error);
    }
  };
}
