import { Kind, type OperationDefinitionNode, type ValueNode } from 'graphql';

/**
 * Where each value of an operation sits in its root fields' arguments: `input.identifiedAt` for
 * a literal or a variable written there. Bad fields are named by these paths, never by the
 * names a client chose for its variables.
 */
export interface ArgumentPaths {
  /** the path of the value node starting at this offset of the document */
  ofNode: Map<number, string>;
  /** where each variable (by name, without `$`) is used */
  ofVariable: Map<string, string[]>;
}

export function argumentPaths(operation: OperationDefinitionNode): ArgumentPaths {
  const paths: ArgumentPaths = { ofNode: new Map(), ofVariable: new Map() };
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    for (const argument of selection.arguments ?? [])
      visit(argument.value, argument.name.value, paths);
  }
  return paths;
}

function visit(node: ValueNode, path: string, paths: ArgumentPaths): void {
  if (node.loc) paths.ofNode.set(node.loc.start, path);
  if (node.kind === Kind.VARIABLE) {
    const name = node.name.value;
    paths.ofVariable.set(name, [...(paths.ofVariable.get(name) ?? []), path]);
  } else if (node.kind === Kind.OBJECT) {
    for (const field of node.fields) visit(field.value, `${path}.${field.name.value}`, paths);
  } else if (node.kind === Kind.LIST) {
    // a list's items are named by the list: its rule is about the list
    for (const item of node.values) visit(item, path, paths);
  }
}

/** A path inside a variable (`input.guardian.name` of `$input`) as argument paths. */
export function variablePaths(paths: ArgumentPaths, variable: string, inside: string): string[] {
  const within = inside
    .replace(/\[\d+\]/g, '')
    .split('.')
    .slice(1);
  return (paths.ofVariable.get(variable) ?? []).map((p) => [p, ...within].join('.'));
}
