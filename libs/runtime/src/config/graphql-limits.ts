/** What one GraphQL request may cost; over a limit the request is refused before any work. */
export interface GraphQLLimits {
  /** field nesting, introspection left out (its cost counts it) */
  maxDepth: number;
  /** every field costs 1, multiplied by the number of items of the lists it sits in */
  maxCost: number;
  maxQueryBytes: number;
  maxBatch: number;
  /** `first` above this is refused */
  maxPageSize: number;
}

export const DEFAULT_LIMITS: GraphQLLimits = {
  maxDepth: 10,
  maxCost: 50_000,
  maxQueryBytes: 20 * 1024,
  maxBatch: 10,
  maxPageSize: 200,
};
