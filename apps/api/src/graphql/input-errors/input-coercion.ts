import {
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLInt,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { MESSAGES } from '@app/domain';
import type { FieldError } from '@app/runtime/errors/app-errors';

/**
 * What GraphQL's own coercion refuses of a value for an input type, every bad field named by its
 * path and read in the words of MESSAGES (graphql-js's messages quote the value, and stop at the
 * first field of a literal). Absent and null are "is required" where the type is non-null.
 */
export function coercionProblems(
  value: unknown,
  type: GraphQLInputType,
  path: string,
): FieldError[] {
  if (isNonNullType(type)) {
    if (value === undefined || value === null) return [{ field: path, message: MESSAGES.required }];
    return coercionProblems(value, type.ofType, path);
  }
  if (value === undefined || value === null) return [];
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    const bad = items.flatMap((item) => coercionProblems(item, type.ofType, path));
    return bad.length > 0 ? [bad[0]] : [];
  }
  if (isInputObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value))
      return [{ field: path, message: MESSAGES.object }];
    const fields = type.getFields();
    const record = value as Record<string, unknown>;
    const unknown = Object.keys(record)
      .filter((key) => !(key in fields))
      .map((key) => ({ field: `${path}.${key}`, message: MESSAGES.unknownField }));
    const known = Object.values(fields).flatMap((field) =>
      record[field.name] === undefined && field.defaultValue !== undefined
        ? []
        : coercionProblems(record[field.name], field.type, `${path}.${field.name}`),
    );
    return [...known, ...unknown];
  }
  if (isEnumType(type)) {
    const names = type.getValues().map((v) => v.name);
    return typeof value === 'string' && names.includes(value)
      ? []
      : [{ field: path, message: MESSAGES.oneOf(names) }];
  }
  if (isScalarType(type)) {
    try {
      type.parseValue(value);
      return [];
    } catch (error) {
      return [{ field: path, message: scalarMessage(type.name, error) }];
    }
  }
  return [];
}

function scalarMessage(name: string, error: unknown): string {
  if (name === GraphQLInt.name) return MESSAGES.integer;
  if (name === GraphQLFloat.name) return MESSAGES.number;
  if (name === GraphQLBoolean.name) return MESSAGES.boolean;
  if (name === 'String' || name === 'ID') return MESSAGES.string;
  // this service's scalars (Date, DateTime) refuse in MESSAGES' words already
  return error instanceof Error ? error.message : MESSAGES.string;
}
