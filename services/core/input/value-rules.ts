import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../pagination';
import { instantOfDateTime, isDate } from '../time/dates';
import { VIETNAM_OFFSET } from '../time/vietnam-day';
import { textProblem } from './clean-text';

/**
 * The rules an argument's value meets, by its type, wherever the argument is: one function
 * for the gateway (before planning) and the subgraphs (before their resolvers run).
 *
 * - `String` and `ID`: clean text (`clean-text.ts`).
 * - `LocalDate`: a real calendar day 'YYYY-MM-DD' (2023-02-30 is not one; `time/dates.ts`).
 * - `DateTime`: an ISO 8601 date-time on a real day, with an offset or in Vietnam time without one.
 * - a `String` that carries a day or an instant (`TIME_TEXT`, by name): a real day, or an ISO
 *   8601 date-time on a real day (the subgraph may ask more, such as a zone).
 * - `Int` and `Float`: within `NUMBER_RANGES` for the argument's name, else 0 to
 *   `DEFAULT_MAX_NUMBER`: no count, amount, year or score of the hub is negative.
 * - a period, a pair `from`/`to` or `<x>From`/`<x>To` of days in one field or input: `from`
 *   on or before `to`.
 * - enums: left to GraphQL validation (an unknown value is GRAPHQL_VALIDATION_FAILED, HTTP 400).
 */

/** Inclusive bounds of a number argument, by its name. */
export const NUMBER_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  // Years of the hub's records (as inspections' own check, MIN_YEAR and MAX_YEAR).
  year: [2000, 2100],
  // A page of a connection (core/pagination.ts).
  first: [1, MAX_PAGE_SIZE],
  // Fees in VND.
  fee: [0, 1_000_000_000],
};

/**
 * String arguments that carry a day or an instant, by name: the schema types them String (a
 * date-time has no scalar of its own, and changing a type would break clients' variables).
 */
export const TIME_TEXT: Readonly<Record<string, 'day' | 'instant' | 'day or instant'>> = {
  issueDate: 'day',
  // documentExchangeStats' period (days); auditLog's `from` (a day or an instant).
  from: 'day or instant',
  to: 'day or instant',
  receivedAt: 'instant',
  dueAt: 'instant',
  at: 'instant',
  newReturnAt: 'instant',
  invalidSince: 'instant',
};

function timeTextProblem(text: string, kind: (typeof TIME_TEXT)[string]): string | null {
  if (kind !== 'instant' && isDate(text)) return null;
  if (kind !== 'day' && instantOfDateTime(text, VIETNAM_OFFSET)) return null;
  const shown = text.length <= 40 ? JSON.stringify(text) : 'something else';
  return kind === 'day'
    ? `must be a date YYYY-MM-DD, got ${shown}`
    : `must be ${kind === 'instant' ? 'an' : 'a date YYYY-MM-DD or an'} ISO 8601 date-time on a real day, such as 2023-03-02T08:15:00+07:00, got ${shown}`;
}

/** Ceiling of a number argument without a range of its own. */
export const DEFAULT_MAX_NUMBER = 1_000_000;

export const numberRange = (name: string): readonly [number, number] => (Object.hasOwn(NUMBER_RANGES, name) ? NUMBER_RANGES[name] : [0, DEFAULT_MAX_NUMBER]);

/** A value found wrong: where (`input.findings[0].dueOn`) and why. */
export interface ValueProblem {
  argument: string;
  problem: string;
}

/** Day-valued pairs that make a period: `from`/`to`, `receivedFrom`/`receivedTo`, ... */
function periodProblem(values: Record<string, unknown>, prefix: string): ValueProblem | null {
  for (const [name, start] of Object.entries(values)) {
    const match = /^(.*)(from|From)$/.exec(name);
    if (!match) continue;
    const endName = `${match[1]}${match[2] === 'from' ? 'to' : 'To'}`;
    const end = values[endName];
    if (typeof start === 'string' && typeof end === 'string' && isDate(start) && isDate(end) && end < start) {
      return { argument: `${prefix}${endName}`, problem: `(${end}) is before ${prefix}${name} (${start}): the period ends before it starts` };
    }
  }
  return null;
}

/** The first problem of a value of `type` (coerced, as a resolver gets it), or null. */
export function valueProblem(type: GraphQLInputType, value: unknown, where: string, name: string): ValueProblem | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return valueProblem(type.ofType, value, where, name);
  if (isListType(type)) {
    if (!Array.isArray(value)) return valueProblem(type.ofType, value, where, name);
    for (const [index, item] of value.entries()) {
      const found = valueProblem(type.ofType, item, `${where}[${index}]`, name);
      if (found) return found;
    }
    return null;
  }
  if (isInputObjectType(type)) {
    return fieldsProblem(Object.values(type.getFields()), value as Record<string, unknown>, `${where}.`);
  }
  if (isEnumType(type) || !isScalarType(type)) return null;
  switch (getNamedType(type).name) {
    case 'String':
    case 'ID': {
      if (typeof value !== 'string') return null;
      const problem = textProblem(value, name) ?? (Object.hasOwn(TIME_TEXT, name) ? timeTextProblem(value, TIME_TEXT[name]) : null);
      return problem ? { argument: where, problem } : null;
    }
    case 'LocalDate':
      if (typeof value === 'string' && isDate(value)) return null;
      return { argument: where, problem: `must be a date YYYY-MM-DD, got ${typeof value === 'string' && value.length <= 40 ? JSON.stringify(value) : 'something else'}` };
    case 'DateTime':
      if (typeof value === 'string' && instantOfDateTime(value, VIETNAM_OFFSET)) return null;
      // A subgraph checks coerced values: the scalar has already made a good text a Date (date-time.ts).
      if (value instanceof Date && !Number.isNaN(value.getTime())) return null;
      return { argument: where, problem: `must be an ISO 8601 date-time such as 2023-03-02T08:15:00+07:00, got ${typeof value === 'string' && value.length <= 40 ? JSON.stringify(value) : 'something else'}` };
    case 'Int':
    case 'Float': {
      if (typeof value !== 'number') return null;
      const [min, max] = numberRange(name);
      if (Number.isFinite(value) && value >= min && value <= max) return null;
      return { argument: where, problem: `must be ${name === 'year' ? 'a year from' : 'between'} ${min} ${name === 'year' ? 'to' : 'and'} ${max}, got ${value}` };
    }
    default:
      return null;
  }
}

/** The first problem of the arguments of a field, or of the fields of an input object (`prefix` names it). */
export function fieldsProblem(
  definitions: readonly (GraphQLArgument | GraphQLInputField)[],
  values: Record<string, unknown>,
  prefix = '',
): ValueProblem | null {
  for (const definition of definitions) {
    const found = valueProblem(definition.type, values[definition.name], `${prefix}${definition.name}`, definition.name);
    if (found) return found;
  }
  return periodProblem(values, prefix);
}
