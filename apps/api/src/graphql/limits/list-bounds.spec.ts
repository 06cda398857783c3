import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { isPageOfParent, LIST_BOUNDS } from './list-bounds';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema.gql'), 'utf8'));
const isList = (type: GraphQLOutputType) => isListType(isNonNullType(type) ? type.ofType : type);

describe('the bound of every list of the schema (query cost)', () => {
  it('is its page (`first`), its parent page, or an entry of LIST_BOUNDS', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isList(field.type)) continue;
        const paged = field.args.some((a) => a.name === 'first');
        if (
          !paged &&
          !isPageOfParent(type.name, field.name) &&
          !LIST_BOUNDS[`${type.name}.${field.name}`]
        )
          unbounded.push(`${type.name}.${field.name}: ${String(getNamedType(field.type))}`);
      }
    }
    // a new list: give it `first`, or its bound in list-bounds.ts with the reason
    expect(unbounded).toEqual([]);
  });

  it('names only fields that exist', () => {
    for (const key of Object.keys(LIST_BOUNDS)) {
      const [typeName, fieldName] = key.split('.');
      const type = schema.getType(typeName);
      expect(
        type && (isObjectType(type) || isInterfaceType(type)) && type.getFields()[fieldName],
      ).toBeTruthy();
    }
  });
});
