import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyRequest } from 'fastify';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { AuthModule } from '../auth/auth.module';
import { TokenService } from '@app/runtime/auth/token.service';
import { AccessLog } from '../audit/access-log/access-log.service';
import { flushPersonalInfoReads } from '../audit/access-log/flush-personal-info-reads';
import type { AppConfig } from '@app/runtime/config/app-config';
import { graphqlErrorFormatter, graphqlErrorHandler } from './graphql-error-formatter';
import { RateLimits } from '../auth/rate-limits';
import { endHeavyTurn, operationLimits, queryTooLarge } from './limits/graphql-limits';
import { HeavyTurns } from './limits/heavy-turns';
import { pageSizeRule } from './limits/page-size.rule';
import { maxDepthRule } from './limits/query-depth';
import { withPlainFields } from './plain-fields';
import { PlainQueries, PlainQueriesModule } from './plain-queries';
import { buildRequestContext } from '../auth/request-context';

@Module({})
export class ApiGraphQLModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiGraphQLModule,
      imports: [
        PlainQueriesModule,
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [AuthModule, PlainQueriesModule],
          inject: [TokenService, AccessLog, PlainQueries, RateLimits, HeavyTurns],
          useFactory: (
            tokens: TokenService,
            accessLog: AccessLog,
            plainQueries: PlainQueries,
            rateLimits: RateLimits,
            heavyTurns: HeavyTurns,
          ) => ({
            // the schema lives in memory; tools/print-schema writes apps/api/schema.gql (a spec checks drift)
            autoSchemaFile: true,
            sortSchema: true,
            // runs once the resolvers are built, so every plain query has been registered
            transformSchema: (schema) => withPlainFields(plainQueries.applyTo(schema)),
            // GraphiQL is served by this service itself, without a CDN (apps/api/src/graphiql)
            graphiql: false,
            jit: 1,
            path: '/graphql',
            context: (request: FastifyRequest) => buildRequestContext(tokens, request),
            // depth (introspection left out) and literal page sizes, with graphql's own rules
            // GRAPHQL_INTROSPECTION=false (the default in production): __schema and __type refused
            validationRules: [
              maxDepthRule(config.graphqlLimits.maxDepth),
              pageSizeRule(config.graphqlLimits.maxPageSize),
              ...(config.graphqlIntrospection ? [] : [NoSchemaIntrospectionCustomRule]),
            ],
            allowBatchedQueries: true,
            hooks: {
              preParsing: [queryTooLarge(config.graphqlLimits)],
              preExecution: [
                operationLimits(config.graphqlLimits, rateLimits.mutations, heavyTurns),
              ],
              onResolution: [endHeavyTurn, flushPersonalInfoReads(accessLog)],
            },
            errorFormatter: graphqlErrorFormatter as never,
            errorHandler: graphqlErrorHandler as never,
          }),
        }),
      ],
    };
  }
}
