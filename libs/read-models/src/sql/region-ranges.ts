import { sql, type Expression, type SqlBool } from 'kysely';
import type { RegionPrefixes } from '../read-model-store.port';

/** `column` under one of the prefixes (the ranges of `regionPrefix`); true for everywhere. */
export function underPrefixes(column: string, regions: RegionPrefixes): Expression<SqlBool> {
  if (regions === null) return sql<SqlBool>`1 = 1`;
  if (regions.length === 0) return sql<SqlBool>`1 = 0`;
  const ref = sql.ref(column);
  const ranges = regions.map((p) => sql`(${ref} >= ${p} AND ${ref} < ${`${p}:`})`);
  return sql<SqlBool>`(${sql.join(ranges, sql` OR `)})`;
}
