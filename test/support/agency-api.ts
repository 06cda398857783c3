import {
  credentials,
  loadPackageDefinition,
  Metadata,
  type ServiceError,
  type status,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { caseStreamId, makeFictionalIdNumber } from '@app/domain';
import { EVENT_STORE, StreamNotFound, type EventStore, type StoredEvent } from '@app/event-store';
import {
  AGENCY_PROTO_LOADER,
  agencyProtoPath,
} from '../../apps/api/src/agency/grpc/agency-grpc.options';
import { mustMutate } from './cases-api';
import type { TestApp } from './test-app';

export const ACTS_PATH = '/agency/v1/guardianship-acts';
export const VILLAGE = '330102001001'; // a fictional community in Hangzhou Shangcheng
export const COURT_NAME = '杭州市上城区人民法院';
export const PROCURATORATE_NAME = '杭州市上城区人民检察院';

/** The agency API's env for the e2e specs: no rate limit in the way of property runs. */
export const AGENCY_ENV = { RATE_LIMIT_AGENCY_PER_MINUTE: '1000000' };

export interface HttpAnswer {
  status: number;
  body: Record<string, unknown>;
  text: string;
}

/** POSTs an act as a court's system would: `body` is sent as JSON unless it is already a string. */
export async function postAct(
  app: TestApp,
  options: {
    token?: string;
    key?: string;
    body: unknown;
    headers?: Record<string, string>;
  },
): Promise<HttpAnswer> {
  const response = await fetch(`${app.url}${ACTS_PATH}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.key !== undefined ? { 'idempotency-key': options.key } : {}),
      ...options.headers,
    },
    body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* not JSON: the text is there */
  }
  return { status: response.status, body, text };
}

/**
 * A left-behind child with a parent as guardian (or as options say), identified by civil affairs;
 * returns case id and ID number.
 */
export async function identifyChild(
  app: TestApp,
  sequence: number,
  options: {
    guardian?: { kind: string; name: string } | null;
    birthDate?: string;
    categories?: string[];
  } = {},
): Promise<{ caseId: string; idNumber: string }> {
  const idNumber = makeFictionalIdNumber('330102', options.birthDate ?? '2012-05-01', sequence);
  const guardian =
    options.guardian === undefined ? { kind: 'PARENT', name: '测试母亲' } : options.guardian;
  const result = await mustMutate(
    app,
    'identifyChild',
    {
      idNumber,
      name: '测试儿童',
      regionCode: VILLAGE,
      source: 'HOTLINE',
      identifiedAt: '2026-01-10T09:00:00+08:00',
      categories: options.categories ?? ['LEFT_BEHIND'],
      ...(guardian ? { guardian } : {}),
    },
    app.token('CIVIL_AFFAIRS', ['3301']),
  );
  return { caseId: result.caseId!, idNumber };
}

export function eventStoreOf(app: TestApp): EventStore {
  return app.app.get<EventStore>(EVENT_STORE);
}

/** The case's stream read through the EventStore port, oldest first. */
export async function caseEvents(app: TestApp, caseId: string): Promise<StoredEvent[]> {
  const events: StoredEvent[] = [];
  try {
    for await (const event of eventStoreOf(app).readStream(caseStreamId(caseId)))
      events.push(event);
  } catch (error) {
    if (!(error instanceof StreamNotFound)) throw error;
  }
  return events;
}

export { freePort } from './free-port';

export type GrpcAnswer =
  | { ok: true; response: Record<string, unknown> }
  | { ok: false; code: status; message: string; metadata: Metadata };

/** A client of agency.v1.GuardianshipActs, as a court's system would generate it from the proto. */
export class AgencyGrpcClient {
  private readonly client: {
    RecordGuardianshipAct(
      request: unknown,
      metadata: Metadata,
      callback: (error: ServiceError | null, response: Record<string, unknown>) => void,
    ): void;
    close(): void;
  };

  constructor(port: number) {
    const definition = loadSync(agencyProtoPath(), AGENCY_PROTO_LOADER);
    const agency = loadPackageDefinition(definition).agency as unknown as {
      v1: { GuardianshipActs: new (url: string, creds: unknown) => AgencyGrpcClient['client'] };
    };
    this.client = new agency.v1.GuardianshipActs(`127.0.0.1:${port}`, credentials.createInsecure());
  }

  record(request: Record<string, unknown>, token?: string): Promise<GrpcAnswer> {
    const metadata = new Metadata();
    if (token) metadata.set('authorization', `Bearer ${token}`);
    return new Promise((resolve) => {
      this.client.RecordGuardianshipAct(request, metadata, (error, response) => {
        if (error)
          resolve({
            ok: false,
            code: error.code,
            message: error.details,
            metadata: error.metadata,
          });
        else resolve({ ok: true, response });
      });
    });
  }

  close(): void {
    this.client.close();
  }
}

/** The bad fields a gRPC refusal names (its `fields-bin` trailer). */
export function grpcFields(answer: GrpcAnswer): string[] {
  if (answer.ok) return [];
  const [raw] = answer.metadata.get('fields-bin');
  if (!raw) return [];
  return (JSON.parse(raw.toString()) as { field: string }[]).map((f) => f.field);
}
