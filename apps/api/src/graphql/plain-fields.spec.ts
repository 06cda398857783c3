import {
  graphql,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  type GraphQLFieldResolver,
} from 'graphql';
import { withPlainFields } from './plain-fields';

/** What @nestjs/graphql installs on a `@Field`: the property, or the field's default value. */
function nestFieldResolver(property: string, defaultValue?: string) {
  const rootFieldResolver = (root: Record<string, unknown>) => {
    const value = root[property];
    return typeof value === 'undefined' ? defaultValue : value;
  };
  return rootFieldResolver as GraphQLFieldResolver<unknown, unknown>;
}

function schema(): GraphQLSchema {
  const Child = new GraphQLObjectType({
    name: 'Child',
    fields: {
      plain: { type: GraphQLString, resolve: nestFieldResolver('plain') },
      withDefault: { type: GraphQLString, resolve: nestFieldResolver('withDefault', 'none') },
      renamed: { type: GraphQLString, resolve: nestFieldResolver('stored') },
      computed: { type: GraphQLString, resolve: (root: { plain: string }) => root.plain + '!' },
      bare: { type: GraphQLString },
    },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: { child: { type: Child, resolve: () => ({ plain: 'p', stored: 's' }) } },
    }),
  });
}

const source = '{ child { plain withDefault renamed computed bare } }';

describe('withPlainFields', () => {
  it("drops only Nest's resolvers that read the same-named property and have no default", () => {
    const fields = (withPlainFields(schema()).getType('Child') as GraphQLObjectType).getFields();
    expect(fields.plain.resolve).toBeUndefined();
    expect(fields.withDefault.resolve).toBeDefined();
    expect(fields.renamed.resolve).toBeDefined();
    expect(fields.computed.resolve).toBeDefined();
  });

  it('answers exactly as before', async () => {
    const before = await graphql({ schema: schema(), source });
    const after = await graphql({ schema: withPlainFields(schema()), source });
    expect(after).toEqual(before);
    expect(after.data).toEqual({
      child: { plain: 'p', withDefault: 'none', renamed: 's', computed: 'p!', bare: null },
    });
  });
});
