import { Kind, OperationTypeNode, parse, type OperationDefinitionNode } from 'graphql';
import { ROLES, type Role } from '@app/domain';

/** One ```graphql block of a markdown page, with the operation it documents. */
export interface DocExample {
  /** the root field it calls (the operation it is an example of) */
  operation: string;
  kind: 'query' | 'mutation';
  document: string;
  line: number;
}

export interface DocOperations {
  /** each operation's section: its "Roles:" line */
  roles: Map<string, Role[]>;
  examples: DocExample[];
}

const HEADING = /^#{2,4}\s+(.*)$/;
const OPERATION_HEADING = /^#{3,4}\s+`(\w+)`\s*$/;

/**
 * The operations documented in the `## Operations` section of a page: every "#### `name`"
 * section's `Roles:` line and every ```graphql block, in page order.
 */
export function docOperations(markdown: string): DocOperations {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => /^## Operations\s*$/.test(l));
  if (start < 0) throw new Error('no "## Operations" section');
  const roles = new Map<string, Role[]>();
  const examples: DocExample[] = [];
  let section: string | null = null;
  for (let i = start + 1; i < lines.length && !/^## /.test(lines[i]); i++) {
    const line = lines[i];
    if (HEADING.test(line)) section = OPERATION_HEADING.exec(line)?.[1] ?? null;
    else if (line.startsWith('Roles:') && section) roles.set(section, rolesIn(line));
    else if (line.trim() === '```graphql') {
      const end = lines.indexOf('```', i + 1);
      const document = lines.slice(i + 1, end).join('\n');
      examples.push({ ...rootOf(document, i + 2), document, line: i + 2 });
      i = end;
    }
  }
  return { roles, examples };
}

const rolesIn = (line: string): Role[] =>
  (line.match(/\b[A-Z][A-Z_]+\b/g) ?? []).filter((w) =>
    (ROLES as readonly string[]).includes(w),
  ) as Role[];

function rootOf(document: string, line: number): Pick<DocExample, 'operation' | 'kind'> {
  const operations = parse(document).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fields = operations[0]?.selectionSet.selections ?? [];
  if (operations.length !== 1 || fields.length !== 1 || fields[0].kind !== Kind.FIELD)
    throw new Error(`the example at line ${line} must be one operation of one root field`);
  return {
    operation: fields[0].name.value,
    kind: operations[0].operation === OperationTypeNode.MUTATION ? 'mutation' : 'query',
  };
}
