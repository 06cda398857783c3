import Fastify from 'fastify';
import mercurius from 'mercurius';
import { BARE_SCHEMA } from './case-query';

/**
 * The ceiling for graphqlCaseRps: Fastify + Mercurius with graphql-jit answering the same query
 * from a constant (BENCH_CASE_JSON, a real answer of the real server). Loopback only.
 */
async function main(): Promise<void> {
  const constant = JSON.parse(process.env.BENCH_CASE_JSON ?? 'null') as Record<string, unknown>;
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema: BARE_SCHEMA,
    resolvers: {
      Query: { case: (_root: unknown, args: { id: string }) => ({ ...constant, id: args.id }) },
    },
    jit: 1,
    path: '/graphql',
  });
  app.get('/health', async () => ({ status: 'ok' }));
  await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
