import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Logger } from 'pino';
import { toContractError } from '../errors/to-contract-error';
import {
  withCompleteInputErrors,
  type FormatterContext,
} from './input-errors/complete-input-errors';

const VARIABLE_PROBLEM = /^Variable "\$(\w+)" got invalid value/;
const AT_PATH = / at "([\w.[\]]+)";/;
const UNKNOWN_FIELD = /Field "(\w+)" is not defined by type/;
const MISSING_FIELD = /Field "(\w+)" of required type "[^"]+" was not provided/;
const LITERAL_PROBLEM =
  /^(?:Expected value of type "([^"]+)", found [^;]*|(\w+) cannot represent [^:]*: .*?)(?:; (.*))?$/s;
const VARIABLE_MISSING =
  /^Variable "\$(\w+)" of (?:required|non-null) type .* (?:was not provided|must not be null)/s;

/** A GraphQL error as it leaves the server: contract code, safe message, the bad fields if any. */
function format(error: GraphQLError, log?: Logger): Record<string, unknown> {
  const base = { path: error.path, locations: error.locations };
  if (Array.isArray(error.extensions?.fields) && !error.originalError)
    return { ...base, message: error.message, extensions: error.extensions }; // named in full already
  if (!error.originalError || error.originalError instanceof GraphQLError) {
    // parse, validation and variable coercion errors: graphql-js puts the offending value in the
    // message, and values may be names or ID numbers, so only the field path is kept
    const problem = VARIABLE_PROBLEM.exec(error.message);
    if (problem) {
      const { field, message } = variableField(problem[1], error.message);
      return {
        ...base,
        message: `invalid value for ${field}`,
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message }] },
      };
    }
    const missing = VARIABLE_MISSING.exec(error.message);
    if (missing) {
      return {
        ...base,
        message: `variable $${missing[1]} is required`,
        extensions: {
          code: 'BAD_USER_INPUT',
          fields: [{ field: missing[1], message: 'required' }],
        },
      };
    }
    if (error.extensions?.code === 'BAD_USER_INPUT') {
      // our scalars (Date, DateTime) refusing a literal: their messages carry no value
      const field = literalFieldName(error) ?? 'input';
      return {
        ...base,
        message: `invalid value for ${field}`,
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message: error.message }] },
      };
    }
    const literal = LITERAL_PROBLEM.exec(error.message);
    if (literal) {
      const field = literalFieldName(error) ?? 'input';
      const reason =
        literal[3] && !literal[3].includes('"')
          ? literal[3]
          : `expected ${literal[1] ?? literal[2]}`;
      return {
        ...base,
        message: `invalid value for ${field}`,
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message: reason }] },
      };
    }
    if (/exceeds the query depth limit/.test(error.message)) {
      return { ...base, message: error.message, extensions: { code: 'QUERY_TOO_DEEP' } };
    }
    const ownCode =
      error.extensions?.code ?? (error.originalError as GraphQLError | undefined)?.extensions?.code;
    if (typeof ownCode === 'string')
      return { ...base, message: error.message, extensions: { code: ownCode } };
    return {
      ...base,
      message: withoutValues(error.message),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    };
  }
  const contract = toContractError(error.originalError);
  if (contract.code === 'INTERNAL_SERVER_ERROR') {
    log?.error(
      {
        err: { type: error.originalError.name, stack: error.originalError.stack },
        path: error.path,
      },
      'resolver failed',
    );
  }
  return {
    ...base,
    message: contract.message,
    extensions: { code: contract.code, ...(contract.fields ? { fields: contract.fields } : {}) },
  };
}

const QUOTED = /"((?:[^"\\]|\\.)*)"/g;
/** what may stay quoted: a GraphQL name, or a punctuator ("{", "...") */
const NAME_OR_PUNCTUATOR = /^(?:[_A-Za-z][_0-9A-Za-z]*|[!$&():=@[\]{}|]|\.\.\.)$/;

/**
 * A syntax or validation message without the values it quotes: graphql-js quotes names (fields,
 * types, arguments) and punctuators, kept because they make the message useful, and, in syntax
 * errors, the offending token, which may be a string holding a name or an ID number: "…".
 */
export function withoutValues(message: string): string {
  return message.replace(QUOTED, (quoted, inner: string) =>
    NAME_OR_PUNCTUATOR.test(inner) ? quoted : '"…"',
  );
}

/** Which input field a variable coercion error is about, from graphql-js's message (never its value). */
function variableField(variable: string, text: string): { field: string; message: string } {
  const at = AT_PATH.exec(text)?.[1];
  const parent = at ? at.replace(/^\w+\.?/, '') : '';
  const prefix = parent ? `${parent}.` : '';
  const unknown = UNKNOWN_FIELD.exec(text)?.[1];
  if (unknown) return { field: prefix + unknown, message: 'unknown field' };
  const missing = MISSING_FIELD.exec(text)?.[1];
  if (missing) return { field: prefix + missing, message: 'required' };
  return { field: parent || variable, message: 'invalid value' };
}

/** The input field a bad literal was written for: the `name:` just before it in the document. */
function literalFieldName(error: GraphQLError): string | null {
  const start = error.nodes?.[0]?.loc?.start;
  const body = error.source?.body;
  if (start === undefined || body === undefined) return null;
  const match = /(\w+)\s*:\s*$/.exec(body.slice(Math.max(0, start - 200), start));
  return match ? match[1] : null;
}

/** Mercurius errorFormatter: GraphQL-over-HTTP answers 200 with `errors` whenever a result exists. */
export function graphqlErrorFormatter(
  execution: ExecutionResult & { statusCode?: number },
  context: FormatterContext & { reply?: { log: Logger } },
): { statusCode: number; response: ExecutionResult } {
  const flat = (execution.errors ?? []).flatMap((error) => {
    const nested = (error.originalError as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(nested)) return nested as GraphQLError[]; // Mercurius wraps validation errors
    return [error];
  });
  // refused before execution for its input: one error naming every bad field by argument path
  const errors = execution.data ? flat : withCompleteInputErrors(flat, context);
  return {
    statusCode: execution.data ? 200 : (execution.statusCode ?? 200),
    response: {
      data: execution.data ?? null,
      errors: errors.map((e) =>
        format(
          e instanceof GraphQLError ? e : new GraphQLError(String((e as Error).message)),
          context.reply?.log,
        ),
      ) as never,
    },
  };
}

/**
 * Mercurius errorHandler: what fails before GraphQL runs (a body too large, not JSON, of another
 * media type) keeps its HTTP status, in the GraphQL error shape; the rest goes through the formatter.
 */
export function graphqlErrorHandler(
  error: Error & { statusCode?: number; code?: string },
  _request: unknown,
  reply: { log: Logger; code(status: number): { send(body: unknown): unknown } },
): unknown {
  const transport = error.code?.startsWith('FST_ERR_CTP_') || error.code === 'PAYLOAD_TOO_LARGE';
  if (transport && typeof error.statusCode === 'number') {
    const code =
      error.statusCode === 413
        ? 'PAYLOAD_TOO_LARGE'
        : error.statusCode === 415
          ? 'UNSUPPORTED_MEDIA_TYPE'
          : 'BAD_REQUEST';
    const message =
      error.statusCode === 413
        ? 'the body is too large'
        : error.statusCode === 415
          ? 'send the body as application/json'
          : 'the body is not valid JSON';
    return reply
      .code(error.statusCode)
      .send({ data: null, errors: [{ message, extensions: { code } }] });
  }
  const graphqlError =
    error instanceof GraphQLError
      ? error
      : new GraphQLError(error.message, { originalError: error });
  const { statusCode, response } = graphqlErrorFormatter({ errors: [graphqlError] }, { reply });
  return reply.code(statusCode).send(response);
}
