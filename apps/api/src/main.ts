import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from './config/app-config';
import { beginGracefulClose } from './http/graceful-close';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.startAllMicroservices(); // the agency gRPC service on GRPC_PORT
  await app.listen(config.port, config.host);

  // SIGTERM/SIGINT: app.close() stops accepting, lets the requests in flight finish, then the
  // shutdown hooks stop the projector (storing its checkpoint), flush the access log and close the
  // stores. (Nest's own enableShutdownHooks closes the stores before the HTTP server, so requests
  // in flight would find them closed.) If the orderly path hangs, the process ends anyway.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      console.error(
        `shutdown on ${signal} took longer than ${config.shutdownTimeoutMs} ms; exiting`,
      );
      process.exit(1);
    }, config.shutdownTimeoutMs).unref();
    beginGracefulClose(app.getHttpAdapter().getInstance());
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  // configuration errors are the user's to fix: say what, without a stack
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(1);
});
