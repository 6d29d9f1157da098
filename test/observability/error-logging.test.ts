import { Writable } from 'node:stream';
import express from 'express';
import { GraphQLError } from 'graphql';
import { formatError } from '../../services/core/format-error';
import { unexpectedErrors } from '../../services/core/json-body';
import { observeRequests } from '../../services/core/observability/http-scope';
import { configureLogging } from '../../services/core/observability/logger';
import { listen } from '../../services/core/subgraph-server';

/**
 * An unexpected error is hidden from the client in production, and logged with its stack: the
 * log is then the only trace of it. What a driver error carries besides (the failed statement's
 * parameters, which hold personal data) is not logged.
 */
describe('unexpected errors in the log', () => {
  const lines: Record<string, any>[] = [];
  const saved = { env: process.env.NODE_ENV, level: process.env.HUB_LOG_LEVEL };
  beforeAll(() => {
    process.env.NODE_ENV = 'production';
    process.env.HUB_LOG_LEVEL = 'info';
    configureLogging({
      service: 'errors-test',
      destination: new Writable({
        write(chunk, _encoding, done) {
          for (const line of String(chunk).split('\n')) if (line) lines.push(JSON.parse(line));
          done();
        },
      }),
    });
  });
  afterAll(() => {
    process.env.NODE_ENV = saved.env;
    if (saved.level === undefined) delete process.env.HUB_LOG_LEVEL;
    else process.env.HUB_LOG_LEVEL = saved.level;
  });
  beforeEach(() => void (lines.length = 0));

  function failingQuery(): Error {
    // The shape of TypeORM's QueryFailedError: the statement and its parameters beside the message.
    return Object.assign(new Error('ER_NO_SUCH_TABLE: Table hub.dossier does not exist'), { name: 'QueryFailedError', query: 'SELECT * FROM dossier WHERE applicant_name = ?', parameters: ['Nguyễn Văn Bình'], code: 'ER_NO_SUCH_TABLE' });
  }

  it('formatError hides the message from the client and logs the error with its stack', () => {
    const original = failingQuery();
    const answer = formatError({ message: original.message, path: ['dossiers'] }, new GraphQLError(original.message, { originalError: original }));
    expect(answer).toEqual({ message: 'Internal server error', path: ['dossiers'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'error', service: 'errors-test', path: 'dossiers', err: { type: 'QueryFailedError', code: 'ER_NO_SUCH_TABLE', message: original.message } });
    expect(lines[0].err.stack).toContain('failingQuery');
    expect(JSON.stringify(lines)).not.toContain('Nguyễn Văn Bình');
  });

  it('the last Express step answers 500 without a stack, and logs the stack under the request id', async () => {
    const app = express();
    app.use(observeRequests('errors-test'));
    app.get('/boom', () => {
      throw failingQuery();
    });
    app.use(unexpectedErrors);
    const server = await listen(app, 0);
    try {
      const response = await fetch(`${server.url}/boom`, { headers: { 'x-request-id': 'errors-boom-1' } });
      expect(response.status).toBe(500);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      expect(text).not.toContain('failingQuery');
      for (let attempt = 0; attempt < 100 && !lines.some((line) => line.msg === 'request'); attempt += 1) await new Promise((done) => setTimeout(done, 20));
    } finally {
      await server.close();
    }
    const logged = lines.find((line) => line.msg === 'unexpected error');
    expect(logged).toMatchObject({ level: 'error', requestId: 'errors-boom-1', err: { type: 'QueryFailedError' } });
    expect(logged!.err.stack).toContain('failingQuery');
    expect(lines.find((line) => line.msg === 'request')).toMatchObject({ requestId: 'errors-boom-1', method: 'GET', path: '/boom', status: 500 });
    expect(JSON.stringify(lines)).not.toContain('Nguyễn Văn Bình');
  });
});
