import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** The fragments a document defines, by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  return fragments;
}

/**
 * A figure worked out once per fragment from its selection set, however often it is spread; a
 * fragment spread again while its own figure is being worked out (a cycle, which validation
 * refuses) reads `onCycle` instead of being followed. An undefined fragment reads 0.
 */
export function perFragment(
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  work: (set: SelectionSetNode) => number,
  onCycle: number,
): (name: string) => number {
  const known = new Map<string, number>();
  return (name) => {
    const seen = known.get(name);
    if (seen !== undefined) return seen;
    known.set(name, onCycle);
    const fragment = fragments.get(name);
    const figure = fragment ? work(fragment.selectionSet) : 0;
    known.set(name, figure);
    return figure;
  };
}
