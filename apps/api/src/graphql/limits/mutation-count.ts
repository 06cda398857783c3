import {
  Kind,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fragmentsOf, perFragment } from './fragments';

/**
 * How many mutations an operation runs: its root fields, each alias on its own, those inside
 * fragments and inline fragments too (`@skip`/`@include` are not looked at: a skipped one counts).
 * Queries count 0. Linear: each fragment is counted once, however often it is spread; a fragment
 * that spreads itself counts once (validation refuses it anyway).
 */
export function mutationCount(document: DocumentNode, operation: OperationDefinitionNode): number {
  if (operation.operation !== 'mutation') return 0;
  const count = (set: SelectionSetNode): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += selection.name.value === '__typename' ? 0 : 1;
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet);
      else total += fragmentCount(selection.name.value);
    }
    return total;
  };
  const fragmentCount = perFragment(fragmentsOf(document), count, 1);
  return count(operation.selectionSet);
}
