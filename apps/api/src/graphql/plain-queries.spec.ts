import { buildSchema, graphql } from 'graphql';
import { PlainQueries } from './plain-queries';

const sdl = 'type Query { hello(name: String!): String, other: Int }';

describe('PlainQueries', () => {
  it('answers a registered root query with its plain resolver (args and context as GraphQL passes them)', async () => {
    const plain = new PlainQueries();
    plain.register<{ name: string }>(
      'hello',
      (_root, { name }, context) => `${name} ${context.correlationId}`,
    );
    const schema = plain.applyTo(buildSchema(sdl));
    const result = await graphql({
      schema,
      source: '{ hello(name: "x") other }',
      contextValue: { correlationId: 'c-1', principal: () => ({}) },
    });
    expect(result).toEqual({ data: { hello: 'x c-1', other: null } });
  });

  it('refuses a field that Query does not have, and a field registered twice', () => {
    const plain = new PlainQueries();
    plain.register('missing', () => null);
    expect(() => plain.applyTo(buildSchema(sdl))).toThrow(
      'plain query missing is not a field of Query',
    );
    expect(() => plain.register('missing', () => null)).toThrow('registered twice');
  });
});
