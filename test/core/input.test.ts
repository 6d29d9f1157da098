import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { DateTime, maxTextLength, normalizedText, operationArgumentsError, textProblem, valueProblem } from '../../services/core/input';

const schema = buildSchema(`
  scalar LocalDate
  scalar DateTime
  enum Level { PROVINCE }
  input Finding { description: String!, dueOn: LocalDate!, tags: [String!] }
  input Period { reportFrom: LocalDate, reportTo: LocalDate }
  type Stats { received: Int }
  type Unit { stats(from: LocalDate!, to: LocalDate!): Stats, name: String }
  type Query { unit(code: String!): Unit, auditLog(from: String): Int, units(first: Int, year: Int, search: String, level: Level, period: Period): [Unit] }
  type Mutation { record(findings: [Finding!]!, content: String, receivedAt: DateTime): Int }
`);

function refusal(query: string, variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const error = operationArgumentsError(schema, document, document.definitions[0] as OperationDefinitionNode, variables);
  return error && { code: error.extensions.code, argument: error.extensions.argument, path: error.path, status: (error.extensions.http as any)?.status };
}

describe('clean text (services/core/input)', () => {
  it.each([
    ['\u0000', /control/], ['a\u0007', /control/], ['\u007f', /control/], ['\u0085', /control/], ['\u009f', /control/],
    ['x\ud800', /lone surrogate/], ['\udc00x', /lone surrogate/], ['\ud800\ud800', /lone surrogate/],
    ['Hộ tịch\ufffd', /U\+FFFD/], ['\uffff', /U\+FFFD/],
  ])('refuses %j', (text, problem) => {
    expect(textProblem(text, 'name')).toMatch(problem);
  });

  it.each([
    ['Vietnamese', 'Hộ tịch'], ['tab, line feed, carriage return', 'line\nbreak\tand\rtab'], ['a surrogate pair', '😀'], ['nothing', ''], ['1000 characters', 'a'.repeat(1000)],
  ])('accepts %s', (_label, text) => {
    expect(textProblem(text, 'name')).toBeNull();
  });

  it('counts the limit in characters of the composed form, per argument', () => {
    expect(maxTextLength('name')).toBe(1000);
    expect(maxTextLength('content')).toBe(50_000);
    expect(maxTextLength('constructor')).toBe(1000);
    expect(textProblem('a'.repeat(1001), 'name')).toMatch(/longer than 1000/);
    // 1000 letters with two marks each: 3000 code units decomposed, 1000 characters composed.
    expect(textProblem('ộ'.normalize('NFD').repeat(1000), 'name')).toBeNull();
    expect(textProblem('a'.repeat(1001), 'content')).toBeNull();
  });

  it('uses text in NFC, but verbatim arguments as sent', () => {
    const decomposed = 'Hộ tịch'.normalize('NFD');
    expect(normalizedText(decomposed, 'search')).toBe('Hộ tịch'.normalize('NFC'));
    expect(normalizedText(decomposed, 'content')).toBe(decomposed);
  });
});

describe('argument values of an operation (services/core/input)', () => {
  it('refuses impossible days and reversed periods, literal or variable, naming the argument and the path', () => {
    expect(refusal('{ unit(code: "62") { stats(from: "2023-02-30", to: "2023-03-01") { received } } }')).toEqual({
      code: 'BAD_USER_INPUT', argument: 'from', path: ['unit', 'stats'], status: 400,
    });
    expect(refusal('query($t: LocalDate!) { u: unit(code: "62") { s: stats(from: "2023-03-01", to: $t) { received } } }', { t: '2023-02-01' })).toEqual({
      code: 'BAD_USER_INPUT', argument: 'to', path: ['u', 's'], status: 400,
    });
    expect(refusal('{ units(period: { reportFrom: "2023-03-01", reportTo: "2023-02-01" }) { name } }')?.argument).toBe('period.reportTo');
    expect(refusal('{ unit(code: "62") { stats(from: "2023-02-28", to: "2023-03-01") { received } } }')).toBeNull();
  });

  it('looks into inputs, lists and fragments', () => {
    expect(refusal('mutation($f: [Finding!]!) { record(findings: $f) }', { f: [{ description: 'ok', dueOn: '2024-02-29' }, { description: 'x', dueOn: '2023-02-29' }] })?.argument).toBe(
      'findings[1].dueOn',
    );
    expect(refusal('mutation { record(findings: [{ description: "ok", dueOn: "2024-02-29", tags: ["a", "b\\u0000"] }]) }')?.argument).toBe('findings[0].tags[1]');
    expect(refusal('query { ...F } fragment F on Query { units(search: "\\u0007") { name } }')).toEqual({
      code: 'BAD_USER_INPUT', argument: 'search', path: ['units'], status: 400,
    });
  });

  it('checks numbers by name and String days or instants', () => {
    expect(refusal('{ units(first: 0) { name } }')?.argument).toBe('first');
    expect(refusal('{ units(first: 101) { name } }')?.argument).toBe('first');
    expect(refusal('{ units(year: 1999) { name } }')?.argument).toBe('year');
    expect(refusal('{ units(year: 2023, first: 100) { name } }')).toBeNull();
    expect(refusal('mutation { record(findings: [], receivedAt: "2023-02-30T10:00:00+07:00") }')?.argument).toBe('receivedAt');
    expect(refusal('mutation { record(findings: [], receivedAt: "2023-02-28T10:00:00+07:00") }')).toBeNull();
    expect(refusal('mutation { record(findings: [], receivedAt: "2023-02-28T10:00:00") }')).toBeNull();
    expect(refusal('mutation { record(findings: [], receivedAt: "2023-02-28") }')?.argument).toBe('receivedAt');
    // auditLog's from, a String, takes a day or an instant (TIME_TEXT).
    expect(refusal('{ auditLog(from: "2023-02-28") }')).toBeNull();
    expect(refusal('{ auditLog(from: "2023-02-28T10:00:00Z") }')).toBeNull();
    expect(refusal('{ auditLog(from: "yesterday") }')?.argument).toBe('from');
  });

  it("checks a DateTime as a subgraph's scalar coerces it: a Date is good, text left as is is not", () => {
    expect(valueProblem(DateTime, DateTime.parseValue('2023-02-28T10:00:00+07:00'), 'at', 'at')).toBeNull();
    expect(valueProblem(DateTime, DateTime.parseValue('2023-02-30T10:00:00+07:00'), 'at', 'at')?.problem).toMatch(/must be an ISO 8601 date-time/);
    expect(valueProblem(DateTime, new Date(Number.NaN), 'at', 'at')).not.toBeNull();
    expect(valueProblem(DateTime, 1677628800000, 'at', 'at')).not.toBeNull();
  });

  it('leaves variables that do not coerce to GraphQL', () => {
    expect(refusal('query($l: Level) { units(level: $l) { name } }', { l: 'NOPE' })).toBeNull();
  });
});
