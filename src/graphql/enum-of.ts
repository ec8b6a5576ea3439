/** A GraphQL enum object from a list of string-literal values: one list serves both TypeScript and the schema. */
export const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
