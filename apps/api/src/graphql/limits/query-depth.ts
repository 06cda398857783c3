import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { fragmentsOf, perFragment } from './fragments';
import { isIntrospectionField } from './introspection-cost';

/**
 * Validation rule: no operation nests fields deeper than `maxDepth` (`{ a { b } }` is 2).
 * Introspection (`__schema`, `__type`) is left out: GraphiQL's standard query nests 15 deep, and
 * its size is bounded by the schema, counted exactly by the query cost instead. Linear: a
 * fragment's depth is worked out once, and nothing is followed past the limit.
 */
export function maxDepthRule(maxDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    const depthOf = (set: SelectionSetNode, room: number): number => {
      if (room <= 0) return 1; // already past the limit: one more level says so
      let deepest = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (isIntrospectionField(selection.name.value)) continue;
          const inner = selection.selectionSet ? depthOf(selection.selectionSet, room - 1) : 0;
          deepest = Math.max(deepest, 1 + inner);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, room));
        } else {
          deepest = Math.max(deepest, fragmentDepth(selection.name.value));
        }
      }
      return deepest;
    };
    // a fragment's own depth (to the limit), once; a cycle counts 0 here (NoFragmentCycles refuses it)
    const fragmentDepth = perFragment(
      fragmentsOf(context.getDocument()),
      (set) => depthOf(set, maxDepth + 1),
      0,
    );
    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet, maxDepth + 1);
        if (depth > maxDepth) {
          const name = operation.name?.value ?? 'the operation';
          context.reportError(
            new GraphQLError(`${name} nests fields deeper than the limit of ${maxDepth}`, {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_DEEP' },
            }),
          );
        }
        return false;
      },
    };
  };
}
