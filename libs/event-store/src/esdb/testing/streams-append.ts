import {
  status as GrpcStatus,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerReadableStream,
} from '@grpc/grpc-js';
import { Code } from '@eventstore/db-client/generated/code_pb';
import { BadRequest, Empty, Timeout } from '@eventstore/db-client/generated/shared_pb';
import {
  AppendReq,
  AppendResp,
  BatchAppendReq,
  BatchAppendResp,
} from '@eventstore/db-client/generated/streams_pb';
import type {
  AppendOutcome,
  ExpectedVersion,
  InMemoryEventLog,
  ProposedEvent,
} from './in-memory-log';
import {
  allStreamPosition,
  rpcStatus,
  serviceError,
  streamName,
  uuidString,
  wrongExpectedVersion,
} from './proto-messages';

/** What appending needs from the server around it. */
export interface AppendHost {
  readonly log: InMemoryEventLog;
  /** True when the next append must be written but answered with a timeout. */
  nextAppendTimesOut(): boolean;
}

const WRONG_EXPECTED_VERSION = 'event_store.client.WrongExpectedVersion';

/** Client-streaming Append: options first, then the events; one AppendResp. */
export function append(
  host: AppendHost,
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
    if (!options) {
      return done(serviceError(GrpcStatus.INVALID_ARGUMENT, 'AppendReq without options'), null);
    }
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
export function batchAppend(
  host: AppendHost,
  call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>,
) {
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
  host: AppendHost,
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
