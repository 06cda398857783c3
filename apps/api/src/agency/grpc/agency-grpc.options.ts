import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Transport, type GrpcOptions } from '@nestjs/microservices';
import type { AppConfig } from '@app/runtime/config/app-config';
import { AGENCY_BODY_LIMIT } from '../agency-http';

export const AGENCY_PROTO = join('proto', 'agency', 'v1', 'guardianship.proto');
export const AGENCY_GRPC_PACKAGE = 'agency.v1';

/** The repository's proto/ folder, found upwards from here (sources, dist/ and the image alike). */
export function agencyProtoPath(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, AGENCY_PROTO);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${AGENCY_PROTO} not found above ${from}`);
  }
}

/** Loader options shared by the server and the e2e client: camelCase fields, enums by name. */
export const AGENCY_PROTO_LOADER = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: false,
  oneofs: true,
};

const UNDECODABLE = Symbol('undecodable');

/** The request of a message that did not decode (answered INVALID_ARGUMENT, not grpc-js' INTERNAL). */
export function isUndecodable(request: unknown): boolean {
  return typeof request === 'object' && request !== null && UNDECODABLE in request;
}

/**
 * grpc-js answers a message its deserializer throws on with INTERNAL, before any handler runs:
 * the deserializers of the service's methods hand the handler a marked empty request instead.
 */
function markUndecodable(definition: Record<string, unknown>): void {
  for (const service of Object.values(definition)) {
    if (typeof service !== 'object' || service === null || 'format' in service) continue;
    for (const method of Object.values(
      service as Record<string, { requestDeserialize?: unknown }>,
    )) {
      const decode = method?.requestDeserialize;
      if (typeof decode !== 'function') continue;
      method.requestDeserialize = (bytes: Buffer) => {
        try {
          return (decode as (b: Buffer) => unknown)(bytes);
        } catch {
          return { [UNDECODABLE]: true };
        }
      };
    }
  }
}

export function agencyGrpcOptions(config: AppConfig): GrpcOptions {
  return {
    transport: Transport.GRPC,
    options: {
      url: `${config.host}:${config.grpcPort}`,
      package: AGENCY_GRPC_PACKAGE,
      protoPath: agencyProtoPath(),
      loader: AGENCY_PROTO_LOADER,
      // the same limit as the HTTP route (grpc-js answers RESOURCE_EXHAUSTED above it)
      maxReceiveMessageLength: AGENCY_BODY_LIMIT,
      gracefulShutdown: false,
      onLoadPackageDefinition: (definition: Record<string, unknown>) => markUndecodable(definition),
    },
  };
}
