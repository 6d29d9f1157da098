import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * `LocalDate`, a day 'YYYY-MM-DD' (ISO 8601, no zone), as every subgraph declares it.
 *
 * It takes any value when GraphQL coerces it: whether the value is a real calendar day is the
 * input rules' check (`value-rules.ts`), made before execution in the gateway and in each
 * subgraph, so 2023-02-30 is BAD_USER_INPUT naming its argument with the field's path,
 * literal or variable alike, rather than a validation error that names neither. Its name and
 * description are graphql-scalars' LocalDate, which it replaces (that one accepted the shape
 * at coercion and answered a bad day as GRAPHQL_VALIDATION_FAILED or, behind the gateway, as
 * an internal error).
 */
export const LocalDate = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: 'A local date string (i.e., with no associated timezone) in `YYYY-MM-DD` format, e.g. `2020-01-01`.',
  serialize: (value) => String(value),
  parseValue: (value) => value as string,
  parseLiteral: (node, variables) => valueFromASTUntyped(node, variables) as string,
});
