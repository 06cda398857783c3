import { GraphQLError, getOperationAST, type DocumentNode, type GraphQLSchema } from 'graphql';
import { MESSAGES } from '@app/domain';
import type { PrincipalRateLimit } from '../../auth/rate-limits';
import type { RequestContext } from '../../auth/request-context';
import { FragmentCycle, WalkTooLong } from './cost-walk';
import type { GraphQLLimits } from '@app/runtime/config/graphql-limits';
import { HEAVY_COST, type HeavyTurns } from './heavy-turns';
import { mutationCount } from './mutation-count';
import { operationCost, type QueryCost } from './query-cost';

export type LimitCode =
  'QUERY_TOO_LARGE' | 'QUERY_TOO_COSTLY' | 'BATCH_TOO_LARGE' | 'PAGE_TOO_LARGE';

export class QueryLimitExceeded extends GraphQLError {
  constructor(code: LimitCode, message: string) {
    super(message, { extensions: { code } });
  }
}

/** The page size a variable gave, refused as a literal would have been at validation. */
function badPageError(tooLarge: boolean, maxPageSize: number): GraphQLError {
  if (tooLarge)
    return new QueryLimitExceeded('PAGE_TOO_LARGE', `first may be at most ${maxPageSize}`);
  const message = MESSAGES.pageSize(maxPageSize);
  return new GraphQLError(`invalid value for first`, {
    extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'first', message }] },
  });
}

/** The operation a request runs: `operationName` of its body (its item, in a batch) or query string. */
function operationNameOf(context: {
  reply?: { request: { body?: unknown; query?: unknown; raw: object } };
  operationId?: number;
}): string | undefined {
  const request = context.reply?.request;
  const body = request?.body ?? request?.query;
  const item = Array.isArray(body) ? body[context.operationId ?? 0] : body;
  const name = (item as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' ? name : undefined;
}

/**
 * Mercurius preExecution hook, after parsing and validation: the page sizes that variables set,
 * the cost of the operation that runs, then the mutations it runs counted against the caller's
 * rate limit; any refusal comes before a resolver runs. The cost of a document whose variables
 * do not change it is worked out once per operation and remembered with the parsed document.
 */
export function operationLimits(
  limits: GraphQLLimits,
  mutations: PrincipalRateLimit,
  heavy: HeavyTurns,
) {
  const known = new WeakMap<
    DocumentNode,
    Map<string, { schema: GraphQLSchema; cost: QueryCost | null }>
  >();
  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown>,
  ): QueryCost | null => {
    const byOperation = known.get(document) ?? new Map();
    const seen = byOperation.get(operationName ?? '');
    if (seen?.schema === schema) return seen.cost;
    const cost = operationCost(schema, document, operationName, variables, limits.maxPageSize);
    if (!cost?.variablesUsed) {
      byOperation.set(operationName ?? '', { schema, cost });
      known.set(document, byOperation);
    }
    return cost;
  };
  return async (
    schema: GraphQLSchema,
    document: DocumentNode,
    mercuriusContext: unknown,
    variables?: Record<string, unknown>,
  ): Promise<void> => {
    const context = mercuriusContext as RequestContext & Parameters<typeof operationNameOf>[0];
    const operationName = operationNameOf(context);
    const cost = measured(() => costOf(schema, document, operationName, variables ?? {}));
    if (cost === null) return; // no such operation: graphql says so
    if (cost.badPage) throw badPageError(cost.badPage.tooLarge, limits.maxPageSize);
    if (cost.cost > limits.maxCost)
      throw new QueryLimitExceeded(
        'QUERY_TOO_COSTLY',
        `query cost ${cost.cost} exceeds the budget of ${limits.maxCost}`,
      );
    const operation = getOperationAST(document, operationName);
    const units = operation ? mutationCount(document, operation) : 0;
    if (units > 0) mutations.take(context.principal(), units);
    if (cost.cost >= HEAVY_COST && context.reply) {
      const release = await heavy.take(context.principal(), context.reply.request.raw);
      turns.set(mercuriusContext as object, release);
    }
  };
}

const turns = new WeakMap<object, () => void>();

/** Mercurius onResolution hook: a heavy operation's turn ends once it is resolved. */
export async function endHeavyTurn(_execution: unknown, context: unknown): Promise<void> {
  turns.get(context as object)?.();
}

function measured(work: () => QueryCost | null): QueryCost | null {
  try {
    return work();
  } catch (error) {
    if (error instanceof WalkTooLong)
      throw new QueryLimitExceeded('QUERY_TOO_COSTLY', 'the query is too large to cost');
    if (error instanceof FragmentCycle)
      throw new GraphQLError('a fragment spreads itself', {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    throw error;
  }
}

/** Mercurius preParsing hook: an over-long query is refused before it is parsed. */
export function queryTooLarge(limits: GraphQLLimits) {
  return async (_schema: unknown, source: string): Promise<void> => {
    if (Buffer.byteLength(source, 'utf8') > limits.maxQueryBytes) {
      throw new QueryLimitExceeded(
        'QUERY_TOO_LARGE',
        `the query exceeds ${limits.maxQueryBytes} bytes`,
      );
    }
  };
}
