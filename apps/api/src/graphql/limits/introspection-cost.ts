import {
  Kind,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isWrappingType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type GraphQLType,
  type SelectionSetNode,
} from 'graphql';
import { collectFields, subSelections } from './collect-fields';
import type { CostWalk } from './cost-walk';

type Kind_ = '__Schema' | '__Type' | '__Field' | '__InputValue' | '__EnumValue' | '__Directive';
type Item = { kind: Kind_; value: object };

export const isIntrospectionField = (name: string): boolean =>
  name === '__schema' || name === '__type' || name === '__typename';

const many = (kind: Kind_, values: readonly object[]): Item[] =>
  values.map((value) => ({ kind, value }));

/**
 * What an introspection field yields for a value: the schema's own types, fields and arguments,
 * so the cost of introspection is its exact size (a list costs the sum of its items), not a
 * guess. Null: a leaf, or nothing there.
 */
function childrenOf(schema: GraphQLSchema, item: Item, field: string): Item[] | Item | null {
  const { kind, value } = item;
  if (kind === '__Schema') {
    if (field === 'types') return many('__Type', Object.values(schema.getTypeMap()));
    if (field === 'directives') return many('__Directive', schema.getDirectives());
    const root =
      field === 'queryType'
        ? schema.getQueryType()
        : field === 'mutationType'
          ? schema.getMutationType()
          : field === 'subscriptionType'
            ? schema.getSubscriptionType()
            : null;
    return root ? { kind: '__Type', value: root } : null;
  }
  if (kind === '__Type') return typeChildren(schema, value as GraphQLType, field);
  if (kind === '__Field' || kind === '__Directive') {
    const owner = value as { args: readonly object[]; type?: object };
    if (field === 'args') return many('__InputValue', owner.args);
    if (field === 'type' && owner.type) return { kind: '__Type', value: owner.type };
    return null;
  }
  if (kind === '__InputValue' && field === 'type')
    return { kind: '__Type', value: (value as { type: object }).type };
  return null;
}

function typeChildren(schema: GraphQLSchema, type: GraphQLType, field: string) {
  if (field === 'ofType')
    return isWrappingType(type) ? { kind: '__Type' as const, value: type.ofType } : null;
  if (field === 'fields' && (isObjectType(type) || isInterfaceType(type)))
    return many('__Field', Object.values(type.getFields()));
  if (field === 'inputFields' && isInputObjectType(type))
    return many('__InputValue', Object.values(type.getFields()));
  if (field === 'interfaces' && (isObjectType(type) || isInterfaceType(type)))
    return many('__Type', type.getInterfaces());
  if (field === 'possibleTypes' && isAbstractType(type))
    return many('__Type', schema.getPossibleTypes(type));
  if (field === 'enumValues' && isEnumType(type)) return many('__EnumValue', type.getValues());
  return null;
}

/** The exact cost of `__schema`, `__type(name:)` or `__typename`, as query-cost.ts counts. */
export function introspectionCostOf(
  schema: GraphQLSchema,
  nodes: readonly FieldNode[],
  variables: Record<string, unknown>,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  walk: CostWalk,
): number {
  const costOf = (sets: readonly SelectionSetNode[], item: Item): number =>
    walk.once(sets, item.value, () => {
      let total = 0;
      const applies = (on: string | undefined) => on === undefined || on === item.kind;
      for (const same of collectFields(sets, fragments, applies).values()) {
        total += 1;
        const inner = subSelections(same);
        if (inner.length === 0) continue;
        const children = childrenOf(schema, item, same[0].name.value);
        const list = children === null ? [] : Array.isArray(children) ? children : [children];
        for (const child of list) total += costOf(inner, child);
      }
      return total;
    });
  const node = nodes[0];
  const inner = subSelections(nodes);
  if (inner.length === 0) return 1;
  if (node.name.value === '__schema') return 1 + costOf(inner, { kind: '__Schema', value: schema });
  const type = schema.getType(typeNameArgument(node, variables) ?? '');
  return 1 + (type ? costOf(inner, { kind: '__Type', value: type }) : 0);
}
function typeNameArgument(node: FieldNode, variables: Record<string, unknown>): string | null {
  const value = node.arguments?.find((a) => a.name.value === 'name')?.value;
  if (value?.kind === Kind.STRING) return value.value;
  if (value?.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    return typeof given === 'string' ? given : null;
  }
  return null;
}
