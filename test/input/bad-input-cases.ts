import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { maxTextLength } from '../../services/core/input';
import { postGraphQL, type GraphQLResponse } from '../support/graphql-client';

/**
 * The generated bad-input suite's cases. From the composed schema (never from a list kept by
 * hand): every argument of every root query and mutation field and of every AdministrativeUnit
 * field, at any depth of its input objects and lists, gets bad values of its type, one at a
 * time, the other arguments holding plain good values:
 *
 * - String and ID: NUL, other C0 and C1 controls, DEL, lone surrogates, U+FFFD, one character
 *   more than its documented limit; a String named like a day or an instant, an impossible day;
 * - LocalDate: impossible days, other shapes, a number;
 * - DateTime: an impossible day, not a date-time, a number (`updatedSince` of every list);
 * - Int and Float: negative, huge, beyond 32 bits, fractional, of another type;
 * - Boolean: a string; enums: an unknown value;
 * - every required value (argument or input field) left out;
 * - every pair from/to (…From/…To) reversed.
 *
 * Each is sent as variables; the text values of top-level arguments are sent as literals too.
 */

export interface BadCase {
  /** `Mutation.publishProcedure input.name: NUL`, for reports. */
  label: string;
  query: string;
  variables: Record<string, unknown>;
  /** Response keys of the field that must have no value. */
  dataPath: string[];
}

type Json = Record<string, any>;

/** Good values for required arguments and input fields, by name (anything else gets a default of its type). */
const GOOD_TEXT: Record<string, string> = {
  unitCode: '91', code: '91', provinceCode: '91', parentCode: '91', fieldCode: 'ho-tich', clientKey: 'bad-input-suite',
  procedureId: '91-X0001', agencyId: '91.ubnd', id: '91.ubnd', applicantName: 'Nguyễn Văn An', applicantIdNumber: '091987654321',
  from: '2019-01-01', to: '2019-12-31', name: 'Bad input suite', decisionNumber: '12/QĐ-UBND', typeAbbreviation: 'CV',
  issuerAbbreviation: 'UBND', title: 'Công văn thử', content: 'Nội dung', reason: 'thử', conclusion: 'Kết luận', description: 'Mô tả',
  evidence: 'Bằng chứng', document: '{ me { name } }', hash: 'a'.repeat(64),
};
const GOOD_DAY: Record<string, string> = { from: '2019-01-01', to: '2019-12-31' };
const GOOD_INSTANT: Record<string, string> = { newReturnAt: '2023-03-02T08:15:00+07:00' };
const GOOD_NUMBER: Record<string, number> = { year: 2019, first: 5, componentCount: 1, processingDays: 5, coverageTarget: 50 };

/** Strings named like a day or an instant (auditLog's `from` takes either, as a String). */
const DAY_NAMED = /^(from|to)$|On$/;
const INSTANT_NAMED = /^at$|At$|Since$/;

export function goodValue(type: GraphQLInputType, name: string): unknown {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return [goodValue(nullable.ofType, name)];
  if (isInputObjectType(nullable)) {
    const value: Json = {};
    for (const field of Object.values(nullable.getFields())) if (isRequired(field)) value[field.name] = goodValue(field.type, field.name);
    return value;
  }
  if (isEnumType(nullable)) return nullable.getValues()[0].value;
  switch (nullable.name) {
    case 'LocalDate':
      return GOOD_DAY[name] ?? '2023-03-01';
    case 'DateTime':
      return GOOD_INSTANT[name] ?? '2023-03-01T08:00:00+07:00';
    case 'Int':
    case 'Float':
      return GOOD_NUMBER[name] ?? 1;
    case 'Boolean':
      return false;
    default:
      return GOOD_TEXT[name] ?? (DAY_NAMED.test(name) ? '2023-03-01' : INSTANT_NAMED.test(name) ? '2023-03-01T08:00:00+07:00' : 'bad-input-suite');
  }
}

const isRequired = (definition: GraphQLArgument | GraphQLInputField) => isNonNullType(definition.type) && definition.defaultValue === undefined;

/** Bad values of a leaf type, by label. */
export function badValues(type: GraphQLInputType, name: string): [string, unknown][] {
  const named = getNamedType(type);
  if (isEnumType(named)) return [['unknown enum value', 'NO_SUCH_VALUE'], ['enum as a number', 1]];
  switch (named.name) {
    case 'String':
    case 'ID': {
      const values: [string, unknown][] = [
        ['NUL', '\u0000'],
        ['NUL inside', 'ab\u0000cd'],
        ['BEL (C0)', 'x\u0007y'],
        ['ESC (C0)', '\u001b[31m'],
        ['DEL', 'x\u007f'],
        ['NEL (C1)', '\u0085'],
        ['lone high surrogate', 'x\ud800'],
        ['lone low surrogate', '\udc00y'],
        ['U+FFFD (invalid UTF-8)', 'Hộ tịch\ufffd'],
        ['overlong', 'a'.repeat(maxTextLength(name) + 1)],
      ];
      // Decomposed, it is three times as long: only where that still fits a request body.
      if (maxTextLength(name) <= 1_000) values.push(['overlong once composed', 'ộ'.normalize('NFD').repeat(maxTextLength(name) + 1)]);
      if (DAY_NAMED.test(name)) values.push(['impossible day', '2023-02-30'], ['not a day', 'yesterday']);
      if (INSTANT_NAMED.test(name)) values.push(['impossible day in a date-time', '2023-02-30T10:00:00+07:00'], ['not a date-time', 'now']);
      return values;
    }
    case 'LocalDate':
      return [['impossible day', '2023-02-30'], ['month 13', '2023-13-01'], ['29 February of a common year', '2023-02-29'], ['short form', '2023-3-1'], ['empty', ''], ['a date-time', '2023-03-01T00:00:00Z'], ['a number', 20230301], ['NUL', '\u0000']];
    case 'DateTime':
      return [
        ['impossible day in a date-time', '2023-02-30T10:00:00+07:00'],
        ['hour 24', '2023-02-28T24:00:00+07:00'],
        ['offset beyond +14:00', '2023-02-28T10:00:00+15:00'],
        ['a day only', '2023-03-01'],
        ['not a date-time', 'now'],
        ['empty', ''],
        ['a number', 1677628800000],
        ['NUL', '\u0000'],
      ];
    case 'Int':
      return [['negative', -1], ['very negative', -2147483648], ['huge', 2147483647], ['beyond 32 bits', 2147483648], ['fractional', 1.5], ['a string', '1']];
    case 'Float':
      return [['negative', -1], ['huge', 1e12], ['a string', 'abc']];
    case 'Boolean':
      return [['a string', 'yes'], ['a number', 1]];
    default:
      return [];
  }
}

/** Where a leaf sits: the argument, then input field names and list indexes. */
type Step = string | number;
interface Leaf {
  steps: Step[];
  /** The type at each step: `types[i]` is the type of the value at `steps[i]`. */
  types: GraphQLInputType[];
  type: GraphQLInputType;
  name: string;
  required: boolean;
}

function leavesOf(type: GraphQLInputType, steps: Step[], types: GraphQLInputType[], name: string, required: boolean, seen: Set<string>): Leaf[] {
  const nullable = getNullableType(type) as GraphQLInputType;
  if (isListType(nullable)) return leavesOf(nullable.ofType, [...steps, 0], [...types, nullable.ofType], name, required, seen);
  if (isInputObjectType(nullable)) {
    if (seen.has(nullable.name)) return [];
    const inner = new Set(seen).add(nullable.name);
    const own: Leaf[] = required ? [{ steps, types, type, name, required }] : [];
    return [
      ...own,
      ...Object.values(nullable.getFields()).flatMap((field) => leavesOf(field.type, [...steps, field.name], [...types, field.type], field.name, isRequired(field), inner)),
    ];
  }
  return [{ steps, types, type, name, required }];
}

/** The variables with the leaf's value replaced (or removed), the containers above it made of good values. */
function withValue(args: Json, leaf: Pick<Leaf, 'steps' | 'types'>, value: unknown, remove = false): Json {
  const { steps, types } = leaf;
  const copy = structuredClone(args);
  let container: any = copy;
  steps.slice(0, -1).forEach((step, index) => {
    if (container[step] === undefined || container[step] === null) {
      const named = steps.slice(0, index + 1).filter((candidate): candidate is string => typeof candidate === 'string');
      container[step] = goodValue(types[index], named[named.length - 1]);
    }
    container = container[step];
  });
  const last = steps[steps.length - 1];
  if (remove) {
    if (typeof last === 'number') container.splice(last, 1);
    else delete container[last];
  } else container[last] = value;
  return copy;
}

interface Target {
  /** `Query.units`, `AdministrativeUnit.dossierStats`. */
  where: string;
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
  /** Response keys above the field. */
  wrap: { open: string; close: string; keys: string[] };
}

function targets(schema: GraphQLSchema): Target[] {
  const none = { open: '', close: '', keys: [] };
  const unitWrap = { open: 'unit(code: "91") {', close: '}', keys: ['unit'] };
  const list: Target[] = [];
  for (const field of Object.values(schema.getQueryType()!.getFields())) list.push({ where: `Query.${field.name}`, operation: 'query', field, wrap: none });
  for (const field of Object.values(schema.getMutationType()!.getFields())) list.push({ where: `Mutation.${field.name}`, operation: 'mutation', field, wrap: none });
  const unit = schema.getType('AdministrativeUnit') as any;
  for (const field of Object.values(unit.getFields()) as GraphQLField<unknown, unknown>[]) list.push({ where: `AdministrativeUnit.${field.name}`, operation: 'query', field, wrap: unitWrap });
  return list.filter((target) => target.field.args.length > 0 && !target.field.name.startsWith('_'));
}

function operationText(target: Target, sent: string[], literal?: { name: string; text: string }): string {
  const field = target.field;
  const definitions = field.args.filter((arg) => sent.includes(arg.name) && arg.name !== literal?.name).map((arg) => `$${arg.name}: ${String(arg.type)}`);
  const args = field.args
    .filter((arg) => sent.includes(arg.name))
    .map((arg) => (arg.name === literal?.name ? `${arg.name}: ${literal.text}` : `${arg.name}: $${arg.name}`));
  const selection = isCompositeType(getNamedType(field.type)) ? '{ __typename }' : '';
  const body = `value: ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${selection}`;
  return `${target.operation} BadInput${definitions.length ? `(${definitions.join(', ')})` : ''} { ${target.wrap.open} ${body} ${target.wrap.close} }`;
}

/** Every case of the suite, generated from the composed schema. */
export function badInputCases(schema: GraphQLSchema): BadCase[] {
  const cases: BadCase[] = [];
  for (const target of targets(schema)) {
    const { field } = target;
    const good: Json = {};
    for (const arg of field.args) if (isRequired(arg)) good[arg.name] = goodValue(arg.type, arg.name);
    const dataPath = [...target.wrap.keys, 'value'];
    const add = (label: string, variables: Json, literal?: { name: string; text: string }) => {
      const sent = field.args.filter((arg) => arg.name in variables || isRequired(arg) || arg.name === literal?.name).map((arg) => arg.name);
      const { [literal?.name ?? '']: _literalValue, ...rest } = variables;
      cases.push({ label: `${target.where} ${label}`, query: operationText(target, sent, literal), variables: literal ? rest : variables, dataPath });
    };

    for (const arg of field.args) {
      for (const leaf of leavesOf(arg.type, [arg.name], [arg.type], arg.name, isRequired(arg), new Set())) {
        // Containers above the leaf hold good values, the leaf a bad one.
        const where = leaf.steps.join('.').replace(/\.(\d+)/g, '[$1]');
        // An item of a list is not missing when left out: the list is shorter (an empty list is a value of its own).
        if (leaf.required && typeof leaf.steps[leaf.steps.length - 1] !== 'number') {
          add(`${where}: missing`, withValue(good, leaf, undefined, true));
          if (leaf.steps.length === 1) add(`${where}: null (literal)`, good, { name: arg.name, text: 'null' });
        }
        if (isInputObjectType(getNullableType(leaf.type))) continue;
        for (const [label, value] of badValues(leaf.type, leaf.name)) {
          add(`${where}: ${label}`, withValue(good, leaf, value));
          if (leaf.steps.length === 1 && typeof value === 'string' && !isListType(getNullableType(leaf.type))) {
            add(`${where}: ${label} (literal)`, good, { name: arg.name, text: JSON.stringify(value) });
          }
        }
      }
    }

    // Periods: a from/to pair of the field, or of one of its inputs, reversed.
    const pairs = (names: string[]) => names.flatMap((name) => (/(^from$|From$)/.test(name) && names.includes(name.replace(/from$/, 'to').replace(/From$/, 'To')) ? [name] : []));
    for (const from of pairs(field.args.map((arg) => arg.name))) {
      const to = from.replace(/from$/, 'to').replace(/From$/, 'To');
      add(`${from}/${to}: reversed`, { ...good, [from]: '2023-03-01', [to]: '2023-02-01' });
    }
  }
  return cases;
}

export interface CaseResult {
  badCase: BadCase;
  response: GraphQLResponse<Json>;
}

/** What is wrong with one answer: it must be a coded error below HTTP 500, with no value at the field. */
export function answerProblems({ badCase, response }: CaseResult): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`HTTP ${response.status}`);
  const errors = response.errors ?? [];
  if (errors.length === 0) problems.push('answered without an error');
  for (const error of errors) {
    const code = error.extensions?.code;
    if (typeof code !== 'string') problems.push(`an error without a code: ${error.message.slice(0, 200)}`);
    else if (code === 'INTERNAL_SERVER_ERROR') problems.push(`INTERNAL_SERVER_ERROR: ${error.message.slice(0, 200)}`);
  }
  let value: any = response.data;
  for (const key of badCase.dataPath) value = value?.[key];
  if (value !== null && value !== undefined) problems.push(`answered a value: ${JSON.stringify(value).slice(0, 200)}`);
  return problems;
}

/** Sends every case through the gateway, `concurrency` at a time. */
export async function runCases(gatewayUrl: string, token: string, cases: BadCase[], concurrency = 6): Promise<CaseResult[]> {
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const index = next++;
      const badCase = cases[index];
      try {
        results[index] = { badCase, response: await postGraphQL<Json>(`${gatewayUrl}/graphql`, badCase.query, badCase.variables, { authorization: `Bearer ${token}` }) };
      } catch (error) {
        results[index] = { badCase, response: { status: 599, errors: [{ message: `no answer: ${(error as Error).message}` }] } };
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
