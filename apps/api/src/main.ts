import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { createApp } from './bootstrap';
import { ConfigError, loadConfig } from '@app/runtime/config/app-config';
import { beginGracefulClose, stopOnSignals } from '@app/runtime/lifecycle/graceful-close';

/** `http://HOST:PORT` as configured (the port the server got, should PORT be 0). */
function listeningUrl(host: string, app: NestFastifyApplication): string {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.startAllMicroservices(); // the agency gRPC service on GRPC_PORT
  await app.listen(config.port, config.host);
  app.get(Logger).log(`listening on ${listeningUrl(config.host, app)}`, 'Api');

  stopOnSignals(app, config.shutdownTimeoutMs, () =>
    beginGracefulClose(app.getHttpAdapter().getInstance()),
  );
}

main().catch((error: unknown) => {
  // configuration errors are the user's to fix: say what, without a stack
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(1);
});
