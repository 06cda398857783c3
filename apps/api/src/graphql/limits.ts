import {
  GraphQLError,
  Kind,
  getNamedType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type GraphQLSchema,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** What one GraphQL request may cost; over a limit the request is refused before any work. */
export interface GraphQLLimits {
  maxDepth: number;
  /** every field costs 1, multiplied by the page size of the lists it sits in */
  maxCost: number;
  maxQueryBytes: number;
  maxBatch: number;
  /** `first` above this is refused */
  maxPageSize: number;
}

export const DEFAULT_LIMITS: GraphQLLimits = {
  maxDepth: 10,
  maxCost: 20_000,
  maxQueryBytes: 20 * 1024,
  maxBatch: 10,
  maxPageSize: 200,
};

/** A list without a `first` argument is assumed to hold this many items (the programmes of a case, say). */
const UNPAGED_LIST_ESTIMATE = 10;

export class QueryLimitExceeded extends GraphQLError {
  constructor(
    code: 'QUERY_TOO_LARGE' | 'QUERY_TOO_COSTLY' | 'BATCH_TOO_LARGE' | 'PAGE_TOO_LARGE',
    message: string,
  ) {
    super(message, { extensions: { code } });
  }
}

/** The argument's number, literal or from a variable; `onVariable` is told when a variable decides it. */
function numberArg(
  field: FieldNode,
  name: string,
  variables: Record<string, unknown>,
  onVariable: () => void,
): number | null {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return null;
  const value: ValueNode = arg.value;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    onVariable();
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : null;
  }
  return null;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

export interface QueryCost {
  cost: number;
  pageTooLarge: boolean;
  /** whether a variable's value went into the figure (else the document alone decides it) */
  variablesUsed: boolean;
}

/** The cost of the operations of a document: every field 1, times the page size of the lists around it. */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  limits: GraphQLLimits,
): QueryCost {
  let variablesUsed = false;
  const onVariable = () => (variablesUsed = true);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  let pageTooLarge = false;
  // `paged`: the parent field took `first`, which already counts its list (a connection's edges)
  const costOf = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLOutputType,
    seen: Set<string>,
    paged = false,
  ): number => {
    const named = getNamedType(parentType);
    if (!isObjectType(named) && !isInterfaceType(named)) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field: GraphQLField<unknown, unknown> | undefined =
          named.getFields()[selection.name.value];
        if (!field) continue;
        const first = numberArg(selection, 'first', variables, onVariable);
        if (first !== null && first > limits.maxPageSize) pageTooLarge = true;
        const multiplier = first ?? (isList(field.type) && !paged ? UNPAGED_LIST_ESTIMATE : 1);
        const inner = selection.selectionSet
          ? costOf(selection.selectionSet, field.type, seen, first !== null)
          : 0;
        total += 1 + multiplier * inner;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(selection.selectionSet, parentType, seen, paged);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && !seen.has(fragment.name.value)) {
          total += costOf(
            fragment.selectionSet,
            parentType,
            new Set([...seen, fragment.name.value]),
            paged,
          );
        }
      }
    }
    return total;
  };
  let cost = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = def.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    if (root) cost += costOf(def.selectionSet, root, new Set());
  }
  return { cost, pageTooLarge, variablesUsed };
}

/**
 * Mercurius preExecution hook: refuse before any resolver runs (variables are known here).
 * Mercurius keeps parsed documents, so the cost of a document whose variables do not change it
 * (no `first: $n`) is worked out once and remembered with it.
 */
export function costBudget(limits: GraphQLLimits) {
  const known = new WeakMap<DocumentNode, { schema: GraphQLSchema; cost: QueryCost }>();
  const costOf = (
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown>,
  ): QueryCost => {
    const seen = known.get(document);
    if (seen?.schema === schema) return seen.cost;
    const cost = queryCost(schema, document, variables, limits);
    if (!cost.variablesUsed) known.set(document, { schema, cost });
    return cost;
  };
  return async (
    schema: GraphQLSchema,
    document: DocumentNode,
    _context: unknown,
    variables?: Record<string, unknown>,
  ): Promise<void> => {
    const { cost, pageTooLarge } = costOf(schema, document, variables ?? {});
    if (pageTooLarge)
      throw new QueryLimitExceeded('PAGE_TOO_LARGE', `first may be at most ${limits.maxPageSize}`);
    if (cost > limits.maxCost) {
      throw new QueryLimitExceeded(
        'QUERY_TOO_COSTLY',
        `query cost ${cost} exceeds the budget of ${limits.maxCost}`,
      );
    }
  };
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
