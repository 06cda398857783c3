import {
  getOperationAST,
  GraphQLError,
  parse,
  valueFromASTUntyped,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { invalidInputMessage } from '@app/domain';
import type { FieldError } from '@app/runtime/errors/app-errors';
import { mergeProblems } from '../../validation/input-problems';
import { argumentPaths, variablePaths, type ArgumentPaths } from './argument-paths';
import { coercionProblems } from './input-coercion';
import { dtoProblems } from './input-dtos';

/** The request GraphQL refused: its document, variables and operation name. */
export interface RefusedRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

const AT_PATH = / at "([\w.[\]]+)";/;
const VARIABLE_AT_ROOT = /^Variable "\$(\w+)" (?:got invalid value|of (?:required|non-null) type)/s;
const LITERAL_PROBLEM =
  /^(?:Expected value of type|\w+ cannot represent|Field "[\w.]+" of required type|Field "\w+" is not defined by type)/;
const MISSING_ARGUMENT = /^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required/;

/** An error about an input value (a variable, a literal, a missing argument), not the document. */
export function isInputError(error: GraphQLError): boolean {
  if (error.originalError && !(error.originalError instanceof GraphQLError)) return false;
  return (
    VARIABLE_AT_ROOT.test(error.message) ||
    LITERAL_PROBLEM.test(error.message) ||
    MISSING_ARGUMENT.test(error.message) ||
    error.extensions?.code === 'BAD_USER_INPUT'
  );
}

/**
 * Every bad field of a request GraphQL refused for its input values, named by argument path:
 * what coercion refuses, what the root fields' DTOs refuse of the rest, and (should either miss
 * one) the fields graphql-js named, translated from variable names to argument paths. One
 * BAD_USER_INPUT error then stands for all of them. Null when the request cannot be read again.
 */
export function completeInputErrors(
  schema: GraphQLSchema,
  request: RefusedRequest,
  refused: readonly GraphQLError[],
): GraphQLError | null {
  if (typeof request.query !== 'string') return null;
  let operation: OperationDefinitionNode | null | undefined;
  try {
    const name = typeof request.operationName === 'string' ? request.operationName : undefined;
    operation = getOperationAST(parse(request.query), name);
  } catch {
    return null;
  }
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root || operation.operation === 'subscription') return null;
  const variables = isRecord(request.variables) ? request.variables : {};
  const coerced: FieldError[] = [];
  const ruled: FieldError[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== 'Field') continue;
    const field = root.getFields()[selection.name.value];
    if (!field) continue;
    const args: Record<string, unknown> = {};
    for (const node of selection.arguments ?? [])
      args[node.name.value] = valueFromASTUntyped(node.value, variables);
    for (const arg of field.args)
      coerced.push(...coercionProblems(args[arg.name], arg.type, arg.name));
    ruled.push(...dtoProblems(operation.operation, field.name, args));
  }
  // a field's own rule reads best (the DTO's); coercion names what no rule covers
  const ours = mergeProblems(ruled, coerced);
  const paths = argumentPaths(operation);
  const theirs = refused
    .flatMap((error) => namedFields(error, paths))
    .filter((t) => !ours.some((o) => related(o.field, t.field)));
  const fields = mergeProblems(ours, theirs);
  if (fields.length === 0) return null;
  return new GraphQLError(invalidInputMessage(fields), {
    extensions: { code: 'BAD_USER_INPUT', fields },
  });
}

/** The fields graphql-js named in one of its errors, as argument paths. */
function namedFields(error: GraphQLError, paths: ArgumentPaths): FieldError[] {
  const variable = VARIABLE_AT_ROOT.exec(error.message);
  if (variable) {
    const inside = AT_PATH.exec(error.message)?.[1] ?? variable[1];
    return variablePaths(paths, variable[1], inside).map((field) => ({
      field,
      message: 'invalid value',
    }));
  }
  const start = error.nodes?.[0]?.loc?.start;
  const path = start === undefined ? undefined : paths.ofNode.get(start);
  return path ? [{ field: path, message: 'invalid value' }] : [];
}

/** The same field, or one inside the other. */
const related = (a: string, b: string): boolean =>
  a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What Mercurius hands the error formatter: the reply (its request and server), maybe a batch index. */
export interface FormatterContext {
  reply?: { request?: { body?: unknown; query?: unknown }; server?: unknown };
  app?: unknown;
  operationId?: number;
}

/**
 * The errors of a request refused before execution, its input errors replaced by the one that
 * names every bad field (see completeInputErrors); other errors, and answers with data, as they are.
 */
export function withCompleteInputErrors(
  errors: GraphQLError[],
  context: FormatterContext,
): GraphQLError[] {
  const refused = errors.filter(isInputError);
  if (refused.length === 0) return errors;
  const schema = schemaOf(context.app) ?? schemaOf(context.reply?.server);
  const request = requestOf(context);
  const complete = schema && request && completeInputErrors(schema, request, refused);
  return complete ? [complete, ...errors.filter((e) => !isInputError(e))] : errors;
}

function schemaOf(app: unknown): GraphQLSchema | undefined {
  return (app as { graphql?: { schema?: GraphQLSchema } } | undefined)?.graphql?.schema;
}

function requestOf(context: FormatterContext): RefusedRequest | null {
  const http = context.reply?.request;
  let body = http?.body ?? http?.query;
  if (Array.isArray(body)) body = body[context.operationId ?? 0];
  if (!isRecord(body)) return null;
  let variables = body.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables) as unknown; // a GET request's variables
    } catch {
      variables = {};
    }
  }
  return { query: body.query, variables, operationName: body.operationName };
}
