import type express from 'express';
import { Kind, parse, type GraphQLError } from 'graphql';
import { badRequest } from '../../services/core/errors';
import { sendError } from '../../services/core/json-body';
import type { OperationCheck, OperationRunner } from '../operations-endpoint';
import { csvOf } from './csv';
import { sheetsOf, type Sheet } from './sheets';
import { xlsxOf } from './xlsx';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The HTTP status an answer's first error code asks for, when the answer itself was 200 (an error at a field). */
const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  SERVICE_UNAVAILABLE: 503,
};

/** POST only (405), and `?format=` checked before anything else: `xlsx` or `csv`, else HTTP 400 `BAD_REQUEST`. */
export const exportFormatCheck: express.RequestHandler = (request, response, next) => {
  if (request.method !== 'POST') return sendError(response, badRequest('POST the operation to /export', { status: 405, headers: new Map([['Allow', 'POST']]) }));
  const format = request.query.format;
  if (typeof format !== 'string' || !EXPORT_FORMATS.includes(format as ExportFormat)) {
    return sendError(response, badRequest(`format must be one of ${EXPORT_FORMATS.join(', ')} (?format=xlsx)`));
  }
  next();
};

/**
 * Reads only: a mutation is not exported (a download must not write). The text is known here
 * for a person's operation and, after the safelist check put it in, for a client's sent by hash.
 */
export function readOnlyCheck(check: OperationCheck): OperationCheck {
  return async (context, method, body) => {
    const refused = await check(context, method, body);
    if (refused) return refused;
    const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
    if (typeof query !== 'string') return badRequest('Send the operation\'s text in "query" to export it (a hash is accepted from service clients only)');
    let operations;
    try {
      operations = parse(query).definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    } catch {
      return null; // Apollo answers a parse error as it always does.
    }
    const chosen = operations.find((operation) => operation.name?.value === operationName) ?? (operations.length === 1 ? operations[0] : undefined);
    if (chosen && chosen.operation !== 'query') return badRequest(`Only queries can be exported; this is a ${chosen.operation}`);
    return null;
  };
}

/** The file's name: the operation's name (`operationName`, or the document's one named operation), else `export`. */
function fileName(body: unknown, format: ExportFormat): string {
  const { operationName, query } = (body ?? {}) as { operationName?: unknown; query?: unknown };
  let name = typeof operationName === 'string' ? operationName : undefined;
  if (!name && typeof query === 'string') {
    const named = /^\s*(?:query|mutation)\s+(\w+)/.exec(query.replace(/^\s*#.*$/gm, ''));
    name = named?.[1];
  }
  return `${name && /^\w{1,80}$/.test(name) ? name : 'export'}.${format}`;
}

/**
 * `POST /export?format=xlsx|csv`, the same JSON body as `/graphql` (one operation): the operation
 * runs through the gateway's own path with the caller's token (authentication, safelist, limits,
 * service scopes, the subgraphs' scope rules), and its `data` comes back as a spreadsheet
 * (`sheets.ts`). An answer with any error is not exported: its errors come back as JSON with
 * their status (a spreadsheet of a partial answer would show wrong totals as right ones, rule 2).
 * CSV holds one sheet: `&sheet=<name>` picks it when the answer has several.
 */
export function exportEndpoint(run: OperationRunner): express.RequestHandler {
  return async (request, response, next) => {
    try {
      const format = request.query.format as ExportFormat;
      if (Array.isArray(request.body)) return sendError(response, badRequest('Export one operation at a time, not a batch'));
      const result = await run(request, response, request.body);
      if (!('body' in result)) return sendError(response, result as GraphQLError);
      if (result.body.kind !== 'complete') return sendError(response, badRequest('Incremental delivery (@defer) cannot be exported'));
      const answer = JSON.parse(result.body.string) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
      const status = result.status ?? 200;
      if (status >= 400 || answer.errors?.length || !answer.data) {
        const code = answer.errors?.[0]?.extensions?.code;
        return void response.status(status >= 400 ? status : (code && STATUS_OF_CODE[code]) || 502).json({ errors: answer.errors ?? [] });
      }
      const sheets = sheetsOf(answer.data);
      let file: Buffer;
      if (format === 'xlsx') file = await xlsxOf(sheets, fileName(request.body, format));
      else {
        const picked = pickSheet(sheets, request.query.sheet);
        if ('message' in picked) return sendError(response, picked);
        file = csvOf(picked);
      }
      response
        .status(200)
        .type(CONTENT_TYPES[format])
        .setHeader('Content-Disposition', `attachment; filename="${fileName(request.body, format)}"`)
        .setHeader('Cache-Control', 'no-store')
        .send(file);
    } catch (error) {
      next(error);
    }
  };
}

function pickSheet(sheets: Sheet[], wanted: unknown): Sheet | GraphQLError {
  const names = sheets.map((sheet) => sheet.name).join(', ');
  if (typeof wanted === 'string') return sheets.find((sheet) => sheet.name === wanted) ?? badRequest(`The answer has no sheet "${wanted.slice(0, 40)}"; it has ${names}`);
  if (sheets.length === 1) return sheets[0];
  if (sheets.length === 0) return { name: 'data', columns: [], rows: [] };
  return badRequest(`A CSV holds one sheet and this answer has ${sheets.length} (${names}): add &sheet=<name>, or ask for xlsx`);
}

