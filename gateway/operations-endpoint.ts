import type { ApolloServer, HTTPGraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type express from 'express';
import type { GraphQLError } from 'graphql';
import { badRequest, responseOf } from '../services/core/errors';
import { sendError } from '../services/core/json-body';
import { noteRefusal } from '../services/core/observability/http-scope';
import type { GatewayContext } from './principal-forwarding';
import type { PublicAnswerMemo } from './cache/answer-memo';
import { TimingSample, timedSync } from './plugins/plugin-timing';

/** A check of one operation before it runs: null to let it run, or the error that answers it. */
export type OperationCheck = (context: GatewayContext, method: string, body: unknown) => Promise<GraphQLError | null>;

/** One operation's whole answer. */
interface Answer {
  status: number;
  headers: [string, string][];
  body: string;
}

/** Runs one operation of a request: the check, then Apollo; the refusal or Apollo's answer. */
export type OperationRunner = (request: express.Request, response: express.Response, body: unknown) => Promise<HTTPGraphQLResponse | GraphQLError>;

/**
 * One operation through the gateway's own path after authentication: `check` (the safelist),
 * then Apollo with its plugins (limits, service scopes) and the subgraphs. `/graphql` and
 * `/export` both run operations this way, so an export is exactly as authorized as the query.
 * With `memo`, an anonymous query Apollo already answered from its public-answer cache is
 * answered again after the check without entering Apollo (gateway/cache/answer-memo.ts).
 */
export function operationRunner(
  apollo: ApolloServer<GatewayContext>,
  check: OperationCheck,
  contextOf: (response: express.Response) => GatewayContext,
  memo?: PublicAnswerMemo,
  timing = new TimingSample(1),
): OperationRunner {
  const fromMemo = memo && timedSync('public-answer-memo', (key: string) => memo.answer(key), timing);
  return async (request, response, body) => {
    const context = contextOf(response);
    const method = request.method.toUpperCase();
    const refused = await check(context, method, body);
    if (refused) {
      noteRefusal(refused.extensions.code);
      return refused;
    }
    const key = memo?.keyOf(context, method, body, request.headers.accept);
    const kept = key === undefined ? undefined : fromMemo?.(key);
    if (kept) return kept;
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const query = request.originalUrl.indexOf('?');
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method, headers, search: query < 0 ? '' : request.originalUrl.slice(query), body },
      context: async () => context,
    });
    if (key !== undefined) memo?.keep(key, context, answer);
    return answer;
  };
}

/**
 * `/graphql` after authentication: each operation (the body, or each entry of a batched body)
 * is checked and run on its own, so one bad entry of a batch fails alone. (Apollo's own
 * batching runs the entries together: an entry that is not an object fails the whole batch,
 * and any failing entry's status becomes the batch's.)
 *
 * A batch answers HTTP 200 with one result per entry, in order, when any entry ran; when none
 * did, the first entry's status (4xx). A single operation answers with its own status.
 */
export function operationsEndpoint(run: OperationRunner): express.RequestHandler {
  return async (request, response, next) => {
    try {
      if (!Array.isArray(request.body)) return await send(response, await run(request, response, request.body));
      if (request.body.length === 0) return sendError(response, badRequest('The batch holds no operations'));
      const answers = await Promise.all(
        request.body.map(async (entry: unknown, index) =>
          answerOf(isOperation(entry) ? await run(request, response, entry) : badRequest(`Entry ${index} of the batch is not an operation object ({"query": …})`)),
        ),
      );
      const ran = answers.some((answer) => answer.status < 400);
      for (const answer of answers) for (const [name, value] of answer.headers) if (name !== 'content-length') response.setHeader(name, value);
      response.status(ran ? 200 : answers[0].status).type('application/json').send(`[${answers.map((answer) => answer.body).join(',')}]`);
    } catch (error) {
      next(error);
    }
  };
}

const isOperation = (entry: unknown) => typeof entry === 'object' && entry !== null && !Array.isArray(entry);

/** An operation's answer as one body; incremental delivery (@defer) is not offered inside a batch. */
function answerOf(result: HTTPGraphQLResponse | GraphQLError): Answer {
  if ('body' in result && result.body.kind === 'complete') {
    return { status: result.status ?? 200, headers: [...result.headers], body: result.body.string };
  }
  const error = 'body' in result ? badRequest('Incremental delivery (@defer) is not available inside a batch') : result;
  const { status, headers, body } = responseOf(error);
  return { status, headers: [...(headers ?? []), ['content-type', 'application/json; charset=utf-8']], body: JSON.stringify({ errors: [body] }) };
}

async function send(response: express.Response, result: HTTPGraphQLResponse | GraphQLError) {
  if ('body' in result && result.body.kind === 'chunked') {
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.status(result.status ?? 200);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    return void response.end();
  }
  const answer = answerOf(result);
  for (const [name, value] of answer.headers) response.setHeader(name, value);
  response.status(answer.status).send(answer.body);
}
