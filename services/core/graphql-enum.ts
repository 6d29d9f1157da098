import { registerEnumType } from 'type-graphql';

/** Per-value GraphQL description or deprecation, keyed by value. */
export type EnumValuesConfig<V extends string> = { readonly [K in V]?: { description?: string; deprecationReason?: string } };

/**
 * One GraphQL enum whose values are their own names: builds the frozen object `{ A: 'A', … }`
 * in the order of `values` (the order of the schema), registers it with type-graphql under
 * `name`, and returns it. Declare the value and its type under one name:
 *
 *   export const X = graphqlEnum('X', '…', ['A', 'B']);
 *   export type X = (typeof X)[keyof typeof X];
 *
 * so `X.A`, `Record<X, …>` and `@Field(() => X)` read as with a TypeScript string enum.
 * `description` is undefined only for an enum that has none in the schema.
 */
export function graphqlEnum<const V extends string>(
  name: string,
  description: string | undefined,
  values: readonly V[],
  valuesConfig?: EnumValuesConfig<V>,
): { readonly [K in V]: K } {
  const object = Object.freeze(Object.fromEntries(values.map((value) => [value, value]))) as { readonly [K in V]: K };
  registerEnumType(object, { name, description, ...(valuesConfig && { valuesConfig }) });
  return object;
}
