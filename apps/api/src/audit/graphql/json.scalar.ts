import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/** Any JSON value, as stored: the `data` of a history event. */
export const GraphQLJSON = new GraphQLScalarType({
  name: 'JSON',
  description: 'JSON 值 / any JSON value',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
