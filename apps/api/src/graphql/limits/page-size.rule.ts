import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from 'graphql';
import { MESSAGES } from '@app/domain';
import { QueryLimitExceeded } from './graphql-limits';

/**
 * Validation rule: a literal `first` below 1 or above the largest page is refused in every
 * operation of the document, the ones that do not run included (a negative page size must not
 * lower the cost of anything). Values from variables are checked before execution.
 */
export function pageSizeRule(maxPageSize: number) {
  return (context: ValidationContext): ASTVisitor => ({
    Argument(node) {
      if (node.name.value !== 'first' || node.value.kind !== Kind.INT) return;
      const n = Number(node.value.value);
      if (n > maxPageSize) {
        const error = new QueryLimitExceeded(
          'PAGE_TOO_LARGE',
          `first may be at most ${maxPageSize}`,
        );
        context.reportError(
          new GraphQLError(error.message, { nodes: [node], extensions: error.extensions }),
        );
      } else if (n < 1) {
        context.reportError(
          new GraphQLError(MESSAGES.pageSize(maxPageSize), {
            nodes: [node.value],
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        );
      }
    },
  });
}
