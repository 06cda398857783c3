import type { IncomingMessage } from 'node:http';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { setupAgencyApi } from './agency/agency-api.setup';
import { AppModule } from './app.module';
import type { AppConfig } from '@app/runtime/config/app-config';
import { limitBodies } from './http/body-limit';
import { installGracefulClose } from '@app/runtime/lifecycle/graceful-close';
import { hardenHttp } from './http/http-hardening';
import { limitJsonNesting } from './validation/json-body';
import { correlationIdOf } from './auth/request-context';
import { logRequests } from '@app/runtime/logging/request-log';
import { acceptCsvRosters } from './monitoring/roster-body';
import { usePolicyRules } from './validation/policy-rules';

/** Builds the whole API (used by main.ts, the e2e specs and the benchmarks). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: 1024 * 1024,
    trustProxy: false,
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.requestTimeoutMs,
    // Node checks requestTimeout (the whole request, body included) every interval: 30 s by
    // default, which held a slow body for 88 s; and its header timeout must not outlast it
    http: {
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1000, Math.ceil(config.requestTimeoutMs / 4)),
    },
    // the request's id is its correlation id: the x-correlation-id header when well-formed, else new
    genReqId: (request: IncomingMessage) => correlationIdOf(request.headers),
  });
  logRequests(adapter.getInstance());
  installGracefulClose(adapter.getInstance());
  limitBodies(adapter.getInstance(), 1024 * 1024, config.rosterMaxBytes);
  limitJsonNesting(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    // Fastify's own JSON parser (bodyLimit above, prototype poisoning refused) and no other:
    // Nest's wrapper re-created the parser on every request, and its form parser took bodies
    // (application/x-www-form-urlencoded) that no route here accepts; they now answer 415
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  usePolicyRules(app);
  hardenHttp(app, config);
  setupAgencyApi(app, config);
  acceptCsvRosters(app);
  return app;
}
