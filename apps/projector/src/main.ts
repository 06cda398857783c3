import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, type AppConfig } from '@app/runtime/config/app-config';
import { stopOnSignals } from '@app/runtime/lifecycle/graceful-close';
import { ProjectorModule } from './projector.module';

/** Builds the projector process (used by main and the specs). */
export async function createProjectorApp(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    ProjectorModule.forRoot(config),
    new FastifyAdapter({ requestTimeout: config.requestTimeoutMs }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  return app;
}

/**
 * `node dist/apps/projector/src/main.js`: the projections for deployments with several api
 * instances (which then run with PROJECTIONS=external). Reads the api's environment; PORT is
 * where /health and /metrics answer.
 */
async function main(): Promise<void> {
  // the projector signs no checkpoints: in production it runs without AUDIT_SIGNING_KEY
  const config = loadConfig(process.env, { signsCheckpoints: false });
  const app = await createProjectorApp(config);
  await app.listen(config.port, config.host);
  app
    .get(Logger)
    .log(`projector: /health and /metrics on ${await app.getUrl()}`, 'ProjectorApplication');

  stopOnSignals(app, config.shutdownTimeoutMs);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
    process.exit(1);
  });
}
