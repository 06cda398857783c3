import {
  status as GrpcStatus,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerReadableStream,
  type ServerWritableStream,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { Code } from '@eventstore/db-client/generated/code_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  type ReadResp,
} from '@eventstore/db-client/generated/streams_pb';
import { BadRequest, Empty, Timeout } from '@eventstore/db-client/generated/shared_pb';
import type {
  AppendOutcome,
  ExpectedVersion,
  InMemoryEventLog,
  ProposedEvent,
} from './in-memory-log';
import {
  allStreamPosition,
  eventResp,
  rpcStatus,
  serviceError,
  streamName,
  streamNotFoundResp,
  uuidString,
  wrongExpectedVersion,
} from './proto-messages';
import {
  DEFAULT_SEARCH_WINDOW,
  serveAllSubscription,
  type ActiveFeed,
  type EventFilter,
  type FeedRequest,
  type SubscriptionFault,
} from './subscription-feed';

/** What the Streams service needs from the server around it. */
export interface StreamsHost {
  readonly log: InMemoryEventLog;
  /** Takes the next subscription fault to play, if one was injected. */
  nextSubscriptionFault(): SubscriptionFault | undefined;
  /** True when the next append must be written but answered with a timeout. */
  nextAppendTimesOut(): boolean;
  readonly feeds: Set<ActiveFeed>;
  readonly subscriptionRequests: FeedRequest[];
}

const WRONG_EXPECTED_VERSION = 'event_store.client.WrongExpectedVersion';

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
  done(serviceError(GrpcStatus.UNIMPLEMENTED, 'not implemented by the test server'), null);
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

/** Client-streaming Append: options first, then the events; one AppendResp. */
function append(
  host: StreamsHost,
  call: ServerReadableStream<AppendReq, AppendResp>,
  done: sendUnaryData<AppendResp>,
): void {
  let options: AppendReq.Options | undefined;
  const events: ProposedEvent[] = [];
  let failed = false;
  call.on('data', (message: AppendReq) => {
    if (message.hasOptions()) options = message.getOptions();
    const proposed = message.getProposedMessage();
    if (proposed) events.push(toProposed(proposed));
  });
  call.on('error', () => (failed = true));
  call.on('end', () => {
    if (failed) return;
    if (!options) return done(invalid('AppendReq without options'), null);
    const missing = missingMetadata(events);
    if (missing) return done(missing, null);
    const stream = streamName(options.getStreamIdentifier());
    const expected = appendExpected(options);
    const outcome = host.log.append(stream, expected, events);
    if (outcome.kind !== 'wrong_expected_version' && host.nextAppendTimesOut()) {
      return done(serviceError(GrpcStatus.ABORTED, 'Operation timed out: Commit timeout.'), null);
    }
    done(null, appendResp(outcome, expected));
  });
}

function appendResp(outcome: AppendOutcome, expected: ExpectedVersion): AppendResp {
  if (outcome.kind === 'wrong_expected_version') {
    const wrong = new AppendResp.WrongExpectedVersion();
    if (outcome.current === 'no_stream') wrong.setCurrentNoStream(new Empty());
    else wrong.setCurrentRevision(outcome.current.toString());
    if (expected === 'any') wrong.setExpectedAny(new Empty());
    else if (expected === 'no_stream') wrong.setExpectedNoStream(new Empty());
    else if (expected === 'stream_exists') wrong.setExpectedStreamExists(new Empty());
    else wrong.setExpectedRevision(expected.toString());
    return new AppendResp().setWrongExpectedVersion(wrong);
  }
  const position = new AppendResp.Position()
    .setCommitPosition(outcome.position.toString())
    .setPreparePosition(outcome.position.toString());
  return new AppendResp().setSuccess(
    new AppendResp.Success()
      .setCurrentRevision(outcome.currentRevision.toString())
      .setPosition(position),
  );
}

/**
 * BatchAppend: one long-lived duplex call carrying many appends, each split into chunks sharing a
 * correlation id (options in the first, `is_final` on the last). One response per append.
 */
function batchAppend(host: StreamsHost, call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) {
  const pending = new Map<string, { options: BatchAppendReq.Options; events: ProposedEvent[] }>();
  call.on('data', (message: BatchAppendReq) => {
    const correlation = message.getCorrelationId();
    const key = uuidString(correlation);
    const options = message.getOptions() ?? pending.get(key)?.options;
    if (!options) return;
    const entry = pending.get(key) ?? { options, events: [] };
    entry.events.push(...message.getProposedMessagesList().map(toProposed));
    pending.set(key, entry);
    if (!message.getIsFinal()) return;
    pending.delete(key);
    const response = new BatchAppendResp()
      .setCorrelationId(correlation)
      .setStreamIdentifier(options.getStreamIdentifier());
    call.write(batchOutcome(host, entry.options, entry.events, response));
  });
  call.on('end', () => call.end());
  call.on('error', () => pending.clear());
}

function batchOutcome(
  host: StreamsHost,
  options: BatchAppendReq.Options,
  events: ProposedEvent[],
  response: BatchAppendResp,
): BatchAppendResp {
  if (missingMetadata(events)) {
    const reason = new BadRequest().setMessage('Required metadata properties are missing');
    return response.setError(
      rpcStatus(Code.INVALID_ARGUMENT, 'BadRequest', reason, 'event_store.client.BadRequest'),
    );
  }
  const expected = batchExpected(options);
  const outcome = host.log.append(streamName(options.getStreamIdentifier()), expected, events);
  if (outcome.kind === 'wrong_expected_version') {
    const details = wrongExpectedVersion(outcome.current, expected);
    return response.setError(
      rpcStatus(Code.ALREADY_EXISTS, 'WrongExpectedVersion', details, WRONG_EXPECTED_VERSION),
    );
  }
  if (host.nextAppendTimesOut()) {
    return response.setError(
      rpcStatus(Code.DEADLINE_EXCEEDED, 'Timeout', new Timeout(), 'event_store.client.Timeout'),
    );
  }
  return response.setSuccess(
    new BatchAppendResp.Success()
      .setCurrentRevision(outcome.currentRevision.toString())
      .setPosition(allStreamPosition(outcome.position)),
  );
}

function toProposed(
  message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage,
): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    id: uuidString(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? '',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

/** EventStoreDB refuses proposed events without the `type` and `content-type` metadata. */
function missingMetadata(events: ProposedEvent[]) {
  if (events.every((e) => e.type !== '' && e.contentType !== '')) return undefined;
  return serviceError(GrpcStatus.INVALID_ARGUMENT, 'Required metadata properties are missing', {
    exception: 'missing-required-metadata-property',
    'required-metadata-properties': 'type,content-type',
  });
}

function appendExpected(options: AppendReq.Options): ExpectedVersion {
  if (options.hasRevision()) return BigInt(options.getRevision());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
}

function batchExpected(options: BatchAppendReq.Options): ExpectedVersion {
  if (options.hasStreamPosition()) return BigInt(options.getStreamPosition());
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  return 'any';
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
  serviceError(GrpcStatus.UNIMPLEMENTED, `${what} are not implemented by the test server`);
