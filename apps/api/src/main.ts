import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  // Nest's shutdown hooks close the app on SIGTERM/SIGINT: Fastify stops accepting and lets the
  // requests in flight finish, then the modules flush and close their stores. If that hangs, the
  // process still ends within the configured bound.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting`);
        process.exit(1);
      }, config.shutdownTimeoutMs).unref();
    });
  }
  await app.startAllMicroservices(); // the agency gRPC service on GRPC_PORT
  await app.listen(config.port, config.host);
}

main().catch((error: unknown) => {
  // configuration errors are the user's to fix: say what, without a stack
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(1);
});
