import { isObjectType, type GraphQLField, type GraphQLSchema } from 'graphql';

/** The name of the resolver @nestjs/graphql gives every `@Field` of an `@ObjectType`. */
const NEST_FIELD_RESOLVER = 'rootFieldResolver';

/**
 * Gives every field that only reads its parent's property of the same name back to GraphQL's
 * default resolver. @nestjs/graphql installs a resolver on each `@Field` (it reads the property
 * and applies the field's `defaultValue`), so graphql-jit cannot inline the read: it calls the
 * resolver and checks its result for a promise on every field of every answer, a twentieth of a
 * `case(id)` request. Fields with a default value, a renamed property, middleware or a
 * `@ResolveField` keep their resolver.
 */
export function withPlainFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields()))
      if (readsOwnProperty(field)) field.resolve = undefined;
  }
  return schema;
}

/**
 * Nest's resolver, seen to read exactly the property named like the field (a proxy records what
 * it reads) and to answer undefined when the property is missing (no default value).
 */
function readsOwnProperty(field: GraphQLField<unknown, unknown>): boolean {
  const resolve = field.resolve as ((root: unknown) => unknown) | undefined;
  if (!resolve || resolve.name !== NEST_FIELD_RESOLVER || resolve.length !== 1) return false;
  const value = {};
  const read: PropertyKey[] = [];
  const probe = new Proxy({}, { get: (_target, key) => (read.push(key), value) });
  return (
    resolve(probe) === value &&
    read.length === 1 &&
    read[0] === field.name &&
    resolve({}) === undefined
  );
}
