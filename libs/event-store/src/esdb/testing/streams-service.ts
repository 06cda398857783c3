import {
  status as GrpcStatus,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerWritableStream,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  ReadResp,
} from '@eventstore/db-client/generated/streams_pb';
import { ReadReq } from '@eventstore/db-client/generated/streams_pb';
import type { InMemoryEventLog } from './in-memory-log';
import { eventResp, serviceError, streamName, streamNotFoundResp } from './proto-messages';
import { append, batchAppend, type AppendHost } from './streams-append';
import {
  DEFAULT_SEARCH_WINDOW,
  serveAllSubscription,
  type ActiveFeed,
  type EventFilter,
  type FeedRequest,
  type SubscriptionFault,
} from './subscription-feed';

/** What the Streams service needs from the server around it. */
export interface StreamsHost extends AppendHost {
  readonly log: InMemoryEventLog;
  /** Takes the next subscription fault to play, if one was injected. */
  nextSubscriptionFault(): SubscriptionFault | undefined;
  readonly feeds: Set<ActiveFeed>;
  readonly subscriptionRequests: FeedRequest[];
}

/** event_store.client.streams.Streams: Read, Append and BatchAppend (no Delete or Tombstone). */
export function streamsService(host: StreamsHost): UntypedServiceImplementation {
  return {
    read: (call: ServerWritableStream<ReadReq, ReadResp>) => read(host, call),
    append: (call: ServerReadableStream<AppendReq, AppendResp>, done: sendUnaryData<AppendResp>) =>
      append(host, call, done),
    batchAppend: (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) =>
      batchAppend(host, call),
    delete: unimplemented,
    tombstone: unimplemented,
  };
}

function unimplemented(_call: unknown, done: sendUnaryData<never>): void {
  done(serviceError(GrpcStatus.UNIMPLEMENTED, 'unsupported by the test server'), null);
}

function read(host: StreamsHost, call: ServerWritableStream<ReadReq, ReadResp>): void {
  const options = call.request.getOptions();
  if (!options) return void call.emit('error', invalid('ReadReq without options'));
  const structuredIds = options.getUuidOption()?.hasStructured() ?? false;
  const forwards = options.getReadDirection() === ReadReq.Options.ReadDirection.FORWARDS;
  const count = options.hasCount() ? BigInt(options.getCount()) : 0n;
  const filtered = options.hasFilter();
  const write = (events: readonly Parameters<typeof eventResp>[0][]) => {
    events.forEach((event) => call.write(eventResp(event, structuredIds)));
    call.end();
  };

  const stream = options.getStream();
  if (stream && !options.hasSubscription() && !filtered) {
    const name = streamName(stream.getStreamIdentifier());
    const from = stream.hasRevision()
      ? BigInt(stream.getRevision())
      : stream.hasEnd()
        ? 'end'
        : 'start';
    const events = host.log.readStream(name, from, forwards ? 'forwards' : 'backwards', count);
    if (events === null) {
      call.write(streamNotFoundResp(name));
      return void call.end();
    }
    return write(events);
  }
  const all = options.getAll();
  if (!all) return void call.emit('error', unsupported('subscriptions to a single stream'));
  const position = all.getPosition();
  const from = position ? toPosition(position) : all.hasEnd() ? 'end' : 'start';
  if (options.hasSubscription()) {
    const filter = options.getFilter();
    const multiplier = filter?.getCheckpointintervalmultiplier() || 1;
    const window = filter?.hasMax() ? filter.getMax() : DEFAULT_SEARCH_WINDOW;
    const request: FeedRequest = {
      from,
      filter: filter ? toFilter(filter) : undefined,
      checkpointInterval: multiplier * window,
      structuredIds,
    };
    const feed = serveAllSubscription(host.log, call, request, host.nextSubscriptionFault(), () =>
      host.feeds.delete(feed),
    );
    host.feeds.add(feed);
    host.subscriptionRequests.push(request);
    return;
  }
  if (filtered) return void call.emit('error', unsupported('filtered reads of $all'));
  write(host.log.readAll(from, forwards ? 'forwards' : 'backwards', count));
}

function toPosition(position: ReadReq.Options.Position): bigint {
  // every event here is self-committed (commit == prepare), so the commit position orders them
  return BigInt(position.getCommitPosition());
}

function toFilter(options: ReadReq.Options.FilterOptions): EventFilter {
  const on = options.hasEventType() ? 'type' : 'stream';
  const expression = options.hasEventType()
    ? options.getEventType()
    : options.getStreamIdentifier();
  const regex = expression?.getRegex();
  return {
    on,
    prefixes: expression?.getPrefixList() ?? [],
    regex: regex ? new RegExp(regex) : undefined,
  };
}

const invalid = (details: string) => serviceError(GrpcStatus.INVALID_ARGUMENT, details);
const unsupported = (what: string) =>
  serviceError(GrpcStatus.UNIMPLEMENTED, `${what} are unsupported by the test server`);
