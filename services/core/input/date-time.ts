import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { instantOfDateTime } from '../time/dates';
import { VIETNAM_OFFSET, VIETNAM_OFFSET_MS } from '../time/vietnam-day';

/**
 * `DateTime`, an instant, as every subgraph declares it: graphql-scalars' DateTime (RFC 3339
 * section 5.6, ISO 8601 with an offset) with one output form for the whole graph.
 *
 * Output: always Vietnam time with milliseconds, `2023-03-02T08:15:00.000+07:00` (24 + 5
 * characters), whatever the subgraph stores (procedures keeps local time, the others UTC), so
 * its first ten characters are the Vietnamese calendar day the hub counts in
 * (`time/vietnam-day.ts`) and every subgraph answers in one style.
 *
 * Input: an ISO 8601 date-time with an offset (`Z`, `+07:00`, ...); one without an offset is
 * Vietnam local time, as the String arguments it replaces took it. Coercion takes any value:
 * whether it is a date-time on a real day is the input rules' check (`value-rules.ts`), made
 * before execution in the gateway and in each subgraph, so a bad one is BAD_USER_INPUT naming
 * its argument (HTTP 400), as for `LocalDate`. Resolvers receive a `Date`.
 */
export const DateTime = new GraphQLScalarType<Date | string, string>({
  name: 'DateTime',
  description:
    'An instant, ISO 8601 / RFC 3339 date-time with an offset. The hub answers in Vietnam time with milliseconds, e.g. `2023-03-02T08:15:00.000+07:00`; as input it takes any offset (`Z`, `+07:00`), and a value without one is Vietnam local time.',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339#section-5.6',
  serialize: (value) => dateTimeText(value),
  parseValue: (value) => instantOrAsIs(value),
  parseLiteral: (node, variables) => instantOrAsIs(valueFromASTUntyped(node, variables)),
  extensions: { ...GraphQLDateTime.extensions, codegenScalarType: 'string' },
});

/** The instant of a client's date-time text (offset optional, Vietnam time without one), or null. */
const instantOfClientDateTime = (text: string): Date | null => instantOfDateTime(text, VIETNAM_OFFSET);

/** The hub's output form of an instant: '2023-03-02T08:15:00.000+07:00'. */
function vietnamDateTimeOf(instant: Date): string {
  return `${new Date(instant.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 23)}${VIETNAM_OFFSET}`;
}

function dateTimeText(value: unknown): string {
  const instant = value instanceof Date ? value : typeof value === 'string' ? new Date(zoned(value)) : typeof value === 'number' ? new Date(value) : null;
  // A value without a readable instant is a resolver's bug: say so rather than answer a wrong time.
  if (!instant || Number.isNaN(instant.getTime())) throw new TypeError(`DateTime cannot represent ${JSON.stringify(value)}`);
  return vietnamDateTimeOf(instant);
}

/** Stored texts without a zone are procedures' local time 'YYYY-MM-DD HH:MM:SS' (`time/local-time.ts`). */
const zoned = (text: string) => (/([zZ]|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text.replace(' ', 'T')}${VIETNAM_OFFSET}`);

function instantOrAsIs(value: unknown): Date | string {
  if (typeof value !== 'string') return value as string;
  return instantOfClientDateTime(value) ?? value;
}
