import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { status as GrpcStatus, type ServerWritableStream, type ServiceError } from '@grpc/grpc-js';
import type { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { InMemoryEventLog, LoggedEvent } from './in-memory-log';
import {
  caughtUpResp,
  checkpointResp,
  confirmationResp,
  eventResp,
  serviceError,
} from './proto-messages';

/** EventStoreDB's default filter search window: checkpoints come every `multiplier × 32` events considered. */
export const DEFAULT_SEARCH_WINDOW = 32;
const PAGE = 256;

export interface EventFilter {
  on: 'stream' | 'type';
  prefixes: string[];
  regex?: RegExp;
}

/**
 * A misbehaviour the test server plays on the next subscription it serves: after sending
 * `afterEvents` events, or (without it) right after telling the client it caught up.
 * 'drop' ends the call with an error status; 'stall' keeps it open and sends nothing more.
 */
export type SubscriptionFault =
  | { kind: 'drop'; afterEvents?: number; code?: GrpcStatus; details?: string }
  | { kind: 'stall'; afterEvents?: number };

export interface FeedRequest {
  /** 'start', 'end' or a position: events strictly after it */
  from: 'start' | 'end' | bigint;
  filter?: EventFilter;
  checkpointInterval: number;
  structuredIds: boolean;
}

export interface ActiveFeed {
  readonly request: FeedRequest;
  readonly live: boolean;
  /** Ends the subscription with an error status, as a server-side drop does. */
  drop(code?: GrpcStatus, details?: string): void;
}

type Call = ServerWritableStream<ReadReq, ReadResp>;

export function matches(filter: EventFilter | undefined, event: LoggedEvent): boolean {
  if (!filter) return true;
  const value = filter.on === 'stream' ? event.streamId : event.type;
  if (filter.regex) return filter.regex.test(value);
  return filter.prefixes.some((prefix) => value.startsWith(prefix));
}

/**
 * A subscription to $all as EventStoreDB serves it: confirmation, catch-up, one checkpoint and
 * `caughtUp` when the catch-up ends, then live. Filtered subscriptions also get a checkpoint (the
 * position of the last event considered) every `checkpointInterval` events considered.
 */
export function serveAllSubscription(
  log: InMemoryEventLog,
  call: Call,
  request: FeedRequest,
  fault: SubscriptionFault | undefined,
  onEnd: () => void,
): ActiveFeed {
  let ended = false;
  let live = false;
  let wake: (() => void) | undefined;
  // grpc-js sends an 'error' emitted on the call as the call's status
  const end = (error?: Partial<ServiceError>) => {
    if (ended) return;
    ended = true;
    wake?.();
    if (error) call.emit('error', error);
    else call.end();
    onEnd();
  };
  call.on('cancelled', () => end());
  call.on('error', () => end());

  const send = async (message: ReadResp) => {
    if (!call.write(message)) await Promise.race([once(call, 'drain'), untilEnded()]);
  };
  const untilEnded = () => new Promise<void>((resolve) => (wake = resolve));

  void (async () => {
    await send(confirmationResp(randomUUID()));
    let cursor = request.from === 'start' ? null : request.from === 'end' ? log.head : request.from;
    let considered = 0;
    let sent = 0;
    let scannedInCatchUp = false;
    while (!ended) {
      const page = log.after(cursor, PAGE);
      if (page.length === 0) {
        if (!live) {
          if (request.filter && scannedInCatchUp && cursor !== null) {
            await send(checkpointResp(cursor));
          }
          await send(caughtUpResp());
          live = true;
          if (fault && fault.afterEvents === undefined) return playFault(fault);
        }
        await Promise.race([log.nextAppend(), untilEnded()]);
        continue;
      }
      for (const event of page) {
        if (ended) return;
        cursor = event.position;
        considered += 1;
        scannedInCatchUp ||= !live;
        if (matches(request.filter, event)) {
          await send(eventResp(event, request.structuredIds));
          sent += 1;
          if (fault?.afterEvents !== undefined && sent >= fault.afterEvents) {
            return playFault(fault);
          }
        }
        if (request.filter && considered % request.checkpointInterval === 0) {
          await send(checkpointResp(cursor));
        }
      }
    }
  })().catch((error: unknown) => end(serviceError(GrpcStatus.INTERNAL, String(error))));

  function playFault(active: SubscriptionFault): void {
    if (active.kind === 'drop') {
      const details = active.details ?? 'subscription dropped (fault injected by the test server)';
      end(serviceError(active.code ?? GrpcStatus.UNAVAILABLE, details));
    }
    // 'stall': keep the call open and send nothing more, until the client gives up on it
  }

  return {
    request,
    get live() {
      return live;
    },
    drop(code = GrpcStatus.UNAVAILABLE, details = 'subscription dropped by the test server') {
      end(serviceError(code, details));
    },
  };
}
