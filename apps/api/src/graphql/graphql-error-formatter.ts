import { Logger } from '@nestjs/common';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { FastifyReply } from 'fastify';
import { RateLimited } from '@app/runtime/errors/app-errors';
import { internalErrorLog } from '@app/runtime/errors/internal-error-log';
import { toContractError } from '@app/runtime/errors/to-contract-error';
import { BodyTooDeep } from '../validation/json-body';
import { wantsGraphQLResponse } from './graphql-http';
import {
  withCompleteInputErrors,
  type FormatterContext,
} from './input-errors/complete-input-errors';

/**
 * The application's logger (nestjs-pino once the app is up). Not the reply's: Fastify runs here
 * without a logger of its own, so `reply.log` dropped every line, failures of resolvers included.
 */
const logger = new Logger('GraphQL');

const VARIABLE_PROBLEM = /^Variable "\$(\w+)" got invalid value/;
const AT_PATH = / at "([\w.[\]]+)";/;
const UNKNOWN_FIELD = /Field "(\w+)" is not defined by type/;
const MISSING_FIELD = /Field "(\w+)" of required type "[^"]+" was not provided/;
const LITERAL_PROBLEM =
  /^(?:Expected value of type "([^"]+)", found [^;]*|(\w+) cannot represent [^:]*: .*?)(?:; (.*))?$/s;
const VARIABLE_MISSING =
  /^Variable "\$(\w+)" of (?:required|non-null) type .* (?:was not provided|must not be null)/s;

/** A GraphQL error as it leaves the server: contract code, safe message, the bad fields if any. */
function format(error: GraphQLError): Record<string, unknown> {
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
  if (contract.code === 'INTERNAL_SERVER_ERROR')
    logger.error(
      { err: internalErrorLog(error.originalError), path: error.path },
      'resolver failed',
    );
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

/** The status of an answer without data (a request refused before or while GraphQL validated it). */
function requestErrorStatus(errors: readonly GraphQLError[], graphqlResponse: boolean): number {
  const limited = errors.some((e) => e.originalError instanceof RateLimited);
  if (limited) return 429;
  // application/json: 200 with `errors`, as GraphQL over HTTP asks of it; the newer media type: 400
  return graphqlResponse ? 400 : 200;
}

/** What the formatter reads of Mercurius' context: the reply, its request's headers. */
type ReplyContext = FormatterContext & {
  reply?: {
    request?: { headers: Record<string, unknown> };
    header?(k: string, v: string): unknown;
  };
};

/**
 * Mercurius errorFormatter: GraphQL-over-HTTP answers 200 with `errors` whenever a result exists.
 * Without a result (the request was refused) `application/json` still gets 200 and `data: null`,
 * `application/graphql-response+json` gets 400 and no data entry; over a rate limit, 429 and
 * Retry-After either way.
 */
export function graphqlErrorFormatter(
  execution: ExecutionResult & { statusCode?: number },
  context: ReplyContext,
): { statusCode: number; response: ExecutionResult } {
  const flat = (execution.errors ?? []).flatMap((error) => {
    const nested = (error.originalError as { errors?: unknown } | undefined)?.errors;
    if (Array.isArray(nested)) return nested as GraphQLError[]; // Mercurius wraps validation errors
    return [error];
  });
  // refused before execution for its input: one error naming every bad field by argument path
  const errors = execution.data ? flat : withCompleteInputErrors(flat, context);
  const graphqlErrors = errors.map((e) =>
    e instanceof GraphQLError ? e : new GraphQLError(String((e as Error).message)),
  );
  const formatted = graphqlErrors.map((e) => format(e)) as never;
  if (execution.data)
    return { statusCode: 200, response: { data: execution.data, errors: formatted } };
  const request = context.reply?.request;
  const graphqlResponse = request !== undefined && wantsGraphQLResponse(request);
  const limited = graphqlErrors.find((e) => e.originalError instanceof RateLimited);
  if (limited)
    context.reply?.header?.(
      'retry-after',
      String((limited.originalError as RateLimited).retryAfterSeconds),
    );
  return {
    statusCode: execution.statusCode ?? requestErrorStatus(graphqlErrors, graphqlResponse),
    response: graphqlResponse ? { errors: formatted } : { data: null, errors: formatted },
  };
}

const TRANSPORT_ERRORS: Record<number, { code: string; message: string }> = {
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'the body is too large' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the body as application/json' },
  400: { code: 'BAD_REQUEST', message: 'the body is not valid JSON' },
};

/**
 * Mercurius errorHandler: what fails before GraphQL runs (a body too large, not JSON, nested too
 * deep, of another media type) keeps its HTTP status, in the GraphQL error shape; the rest goes
 * through the formatter.
 */
export function graphqlErrorHandler(
  error: Error & { statusCode?: number; code?: string },
  request: { headers: Record<string, unknown> },
  reply: FastifyReply,
): unknown {
  const transport =
    error.code?.startsWith('FST_ERR_CTP_') ||
    error.code === 'PAYLOAD_TOO_LARGE' ||
    error instanceof BodyTooDeep;
  if (transport && typeof error.statusCode === 'number') {
    const known = TRANSPORT_ERRORS[error.statusCode] ?? TRANSPORT_ERRORS[400];
    const message = error instanceof BodyTooDeep ? error.message : known.message;
    const errors = [{ message, extensions: { code: known.code } }];
    return reply
      .code(error.statusCode)
      .send(wantsGraphQLResponse(request) ? { errors } : { data: null, errors });
  }
  const graphqlError =
    error instanceof GraphQLError
      ? error
      : new GraphQLError(error.message, { originalError: error });
  const context = { reply, app: reply.server } as unknown as ReplyContext;
  const { statusCode, response } = graphqlErrorFormatter({ errors: [graphqlError] }, context);
  return reply.code(statusCode).send(response);
}
