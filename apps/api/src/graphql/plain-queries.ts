import { Global, Injectable, Module } from '@nestjs/common';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { RequestContext } from '../auth/request-context';

/** A root query answered as GraphQL calls it: (root, args, context). */
export type PlainQueryResolver<Args> = GraphQLFieldResolver<unknown, RequestContext, Args>;

/**
 * Root queries on the hot path answered without Nest's per-call context creator. A query is still
 * declared with `@Query` and `@Args` (that declaration makes the schema, and Nest's wrapped
 * resolver stays registered); the resolver class then registers a plain function for the same
 * field here, and the schema is given that function before Mercurius compiles it.
 *
 * What the wrapper did per call (global pipes on every argument, exception filters, a promise per
 * step) cost as much as answering `case(id)` from the cache. What a plain query gives up: the
 * global ValidationPipe (its arguments must be scalars that GraphQL has already coerced, never an
 * input class) and the exception filters (which hand GraphQL errors on unchanged anyway; the error
 * formatter maps them).
 */
@Injectable()
export class PlainQueries {
  private readonly resolvers = new Map<string, PlainQueryResolver<never>>();

  register<Args>(field: string, resolve: PlainQueryResolver<Args>): void {
    if (this.resolvers.has(field)) throw new Error(`plain query ${field} registered twice`);
    this.resolvers.set(field, resolve as PlainQueryResolver<never>);
  }

  /** Installs the registered resolvers on `schema`'s Query fields; a field it lacks is an error. */
  applyTo(schema: GraphQLSchema): GraphQLSchema {
    const fields = schema.getQueryType()?.getFields() ?? {};
    for (const [name, resolve] of this.resolvers) {
      const field = fields[name];
      if (!field) throw new Error(`plain query ${name} is not a field of Query`);
      field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    }
    return schema;
  }
}

@Global()
@Module({ providers: [PlainQueries], exports: [PlainQueries] })
export class PlainQueriesModule {}
