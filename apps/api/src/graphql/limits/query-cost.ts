import {
  Kind,
  getNamedType,
  getOperationAST,
  isAbstractType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { collectFields, subSelections } from './collect-fields';
import { CostWalk } from './cost-walk';
import { fragmentsOf } from './fragments';
import { introspectionCostOf, isIntrospectionField } from './introspection-cost';
import { isPageOfParent, LIST_BOUNDS } from './list-bounds';
import { pageSizeOf, type PageSize } from './page-size';

export interface QueryCost {
  cost: number;
  /** a `first` outside 1..maxPageSize (from a variable: literals are refused at validation) */
  badPage: PageSize | null;
  /** whether a variable's value went into the figure (else the document alone decides it) */
  variablesUsed: boolean;
}

function isList(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/**
 * The cost of the operation that runs (`operationName`, or the only one): every field 1, times
 * the number of items of the lists around it (list-bounds.ts), introspection at its exact size.
 * Fields are counted as graphql-js executes them (collect-fields.ts): a fragment spread twice at
 * one level, or a field asked twice under one name, runs once and costs once. Linear in the
 * document: the cost of selections on a type is worked out once (cost-walk.ts); a fragment that
 * spreads itself is refused instead of followed. Null when there is no such operation.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
  maxPageSize: number,
): QueryCost | null {
  const operation = getOperationAST(document, operationName);
  if (!operation) return null;
  const fragments = fragmentsOf(document);
  const state = { variablesUsed: false, badPage: null as PageSize | null };
  const walk = new CostWalk();

  const costOf = (sets: readonly SelectionSetNode[], type: GraphQLNamedType): number =>
    walk.once(sets, type, () => {
      if (!isObjectType(type) && !isInterfaceType(type)) return 0;
      const applies = (condition: string | undefined) => typeApplies(schema, type, condition);
      let total = 0;
      for (const nodes of collectFields(sets, fragments, applies).values())
        total += fieldCost(nodes, type.name, type.getFields()[nodes[0].name.value]);
      return total;
    });

  const fieldCost = (
    nodes: FieldNode[],
    typeName: string,
    definition: GraphQLField<unknown, unknown> | undefined,
  ): number => {
    const node = nodes[0];
    if (isIntrospectionField(node.name.value)) {
      if (node.arguments?.some((a) => a.value.kind === Kind.VARIABLE)) state.variablesUsed = true;
      return introspectionCostOf(schema, nodes, variables, fragments, walk);
    }
    const inner = subSelections(nodes);
    if (!definition || inner.length === 0) return 1;
    return 1 + itemsOf(node, typeName, definition) * costOf(inner, getNamedType(definition.type));
  };

  const itemsOf = (
    node: FieldNode,
    typeName: string,
    definition: GraphQLField<unknown, unknown>,
  ) => {
    if (definition.args.some((a) => a.name === 'first')) {
      const size = pageSizeOf(node, definition, operation, variables, maxPageSize);
      if (size.fromVariable) state.variablesUsed = true;
      if (!size.valid) state.badPage ??= size;
      return size.value;
    }
    if (!isList(definition.type) || isPageOfParent(typeName, node.name.value)) return 1;
    return LIST_BOUNDS[`${typeName}.${node.name.value}`] ?? maxPageSize;
  };

  const root = rootType(schema, operation);
  const cost = root ? costOf([operation.selectionSet], root) : 0;
  return { cost, badPage: state.badPage, variablesUsed: state.variablesUsed };
}

/** Whether a fragment on `condition` applies to an object of `type` (no condition: always). */
function typeApplies(schema: GraphQLSchema, type: GraphQLNamedType, condition: string | undefined) {
  if (condition === undefined || condition === type.name) return true;
  const on = schema.getType(condition);
  return !!on && isAbstractType(on) && isObjectType(type) && schema.isSubType(on, type);
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  if (operation.operation === 'mutation') return schema.getMutationType();
  if (operation.operation === 'subscription') return schema.getSubscriptionType();
  return schema.getQueryType();
}

export { FragmentCycle, WalkTooLong } from './cost-walk';
