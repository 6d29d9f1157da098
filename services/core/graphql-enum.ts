import { registerEnumType } from 'type-graphql';

/**
 * One GraphQL enum whose values are their own names: builds the frozen object `{ A: 'A', … }`
 * in the order of `values` (the order of the schema), registers it with type-graphql under
 * `name`, and returns it. Every value comes with its description, so the schema a client's
 * code generator reads explains each one (schema/api.graphql). Declare the value and its type
 * under one name:
 *
 *   export const X = graphqlEnum('X', '…', { A: 'what A means', B: 'what B means' });
 *   export type X = (typeof X)[keyof typeof X];
 *
 * so `X.A`, `Record<X, …>` and `@Field(() => X)` read as with a TypeScript string enum.
 */
export function graphqlEnum<const V extends string>(name: string, description: string, values: { readonly [K in V]: string }): { readonly [K in V]: K } {
  const names = Object.keys(values) as V[];
  const object = Object.freeze(Object.fromEntries(names.map((value) => [value, value]))) as { readonly [K in V]: K };
  const valuesConfig = Object.fromEntries(names.map((value) => [value, { description: values[value] }])) as { [K in V]: { description: string } };
  registerEnumType(object, { name, description, valuesConfig });
  return object;
}
