import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from '@app/runtime/config/app-config';
import { beginGracefulClose, stopOnSignals } from '@app/runtime/lifecycle/graceful-close';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.startAllMicroservices(); // the agency gRPC service on GRPC_PORT
  await app.listen(config.port, config.host);

  stopOnSignals(app, config.shutdownTimeoutMs, () =>
    beginGracefulClose(app.getHttpAdapter().getInstance()),
  );
}

main().catch((error: unknown) => {
  // configuration errors are the user's to fix: say what, without a stack
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(1);
});
