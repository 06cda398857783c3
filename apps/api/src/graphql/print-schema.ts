import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { INestApplication } from '@nestjs/common';
import { lexicographicSortSchema, printSchema } from 'graphql';

/** The code-first schema as committed in apps/api/schema.gql (sorted, so diffs stay readable). */
export function printedSchema(app: INestApplication): string {
  const { schema } = app.get(GraphQLSchemaHost);
  return printSchema(lexicographicSortSchema(schema)) + '\n';
}
