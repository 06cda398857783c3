import { randomUUID } from 'node:crypto';
import { Server, ServerCredentials, status as GrpcStatus, type sendUnaryData } from '@grpc/grpc-js';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import {
  SupportedMethod,
  SupportedMethods,
} from '@eventstore/db-client/generated/serverfeatures_pb';
import { UUID } from '@eventstore/db-client/generated/shared_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { InMemoryEventLog, type ProposedEvent } from './in-memory-log';
import { streamsService, type StreamsHost } from './streams-service';
import type { ActiveFeed, FeedRequest, SubscriptionFault } from './subscription-feed';

export interface EsdbTestServerOptions {
  /** Default 0: a free port. Pass the port of a stopped server to "restart" it. */
  port?: number;
  /** Reuse a log (e.g. the one of a stopped server); default a fresh log with a few system events. */
  log?: InMemoryEventLog;
  /** Advertise BatchAppend (as EventStoreDB 21.10+ does). Without it the client uses Append. */
  batchAppend?: boolean;
}

export interface EsdbTestServer {
  readonly port: number;
  /** `esdb://127.0.0.1:<port>?tls=false` */
  readonly connectionString: string;
  readonly log: InMemoryEventLog;
  /** Every $all subscription request served so far, oldest first. */
  readonly subscriptionRequests: readonly FeedRequest[];
  /** The $all subscriptions currently open. */
  activeSubscriptions(): ActiveFeed[];
  /** Played on the next subscription to $all (one fault per subscription, in order). */
  injectSubscriptionFault(fault: SubscriptionFault): void;
  /** The next append is written but answered with a timeout, like an ambiguous commit. */
  injectAppendTimeout(): void;
  /** Ends every open call at once, as a crashing server does. */
  stop(): Promise<void>;
}

export const SERVER_VERSION = '24.10.0';

/** A system event, as EventStoreDB writes them to `$`-streams. */
export function systemEvent(type: string, data: unknown = {}): ProposedEvent {
  return {
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: Buffer.from(JSON.stringify(data)),
    customMetadata: new Uint8Array(),
  };
}

/** A fresh log starts with system records, as a new EventStoreDB database does. */
export function freshLog(): InMemoryEventLog {
  const log = new InMemoryEventLog();
  log.append('$settings', 'any', [systemEvent('$settings', { $userStreamAcl: {} })]);
  log.append('$scavenges', 'any', [systemEvent('$scavengeIndexInitialized')]);
  return log;
}

/**
 * The parts of EventStoreDB's gRPC API that @eventstore/db-client uses for a single-node insecure
 * connection: ServerFeatures, Gossip (for `esdb+discover://`) and Streams (Read, Append,
 * BatchAppend), served on 127.0.0.1 with the message definitions shipped inside the client.
 */
export async function startEsdbTestServer(
  options: EsdbTestServerOptions = {},
): Promise<EsdbTestServer> {
  const log = options.log ?? freshLog();
  const subscriptionFaults: SubscriptionFault[] = [];
  let appendTimeouts = 0;
  const host: StreamsHost = {
    log,
    feeds: new Set<ActiveFeed>(),
    subscriptionRequests: [],
    nextSubscriptionFault: () => subscriptionFaults.shift(),
    nextAppendTimesOut() {
      if (appendTimeouts === 0) return false;
      appendTimeouts -= 1;
      return true;
    },
  };
  let port = options.port ?? 0;
  const server = new Server();
  server.addService(StreamsService, streamsService(host));
  server.addService(ServerFeaturesService, {
    getSupportedMethods: (_call: unknown, done: sendUnaryData<SupportedMethods>) =>
      done(null, supportedMethods(options.batchAppend ?? true)),
  });
  server.addService(GossipService, {
    read: (_call: unknown, done: sendUnaryData<ClusterInfo>) => done(null, clusterInfo(port)),
  });
  port = await bind(server, port);

  return {
    port,
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    log,
    subscriptionRequests: host.subscriptionRequests,
    activeSubscriptions: () => [...host.feeds],
    injectSubscriptionFault: (fault) => void subscriptionFaults.push(fault),
    injectAppendTimeout: () => void (appendTimeouts += 1),
    async stop() {
      [...host.feeds].forEach((feed) => feed.drop(GrpcStatus.UNAVAILABLE, 'server shutting down'));
      server.forceShutdown();
    },
  };
}

function bind(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
}

function supportedMethods(batchAppend: boolean): SupportedMethods {
  const method = (service: string, name: string, features: string[] = []) =>
    new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
  const streams = 'event_store.client.streams.streams';
  const methods = [
    method(streams, 'read', ['position', 'events']),
    method(streams, 'append'),
    ...(batchAppend ? [method(streams, 'batchappend', ['deadline_duration'])] : []),
    method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
    method('event_store.client.gossip.gossip', 'read'),
  ];
  return new SupportedMethods().setEventStoreServerVersion(SERVER_VERSION).setMethodsList(methods);
}

function clusterInfo(port: number): ClusterInfo {
  const member = new MemberInfo()
    .setInstanceId(new UUID().setString(randomUUID()))
    .setTimeStamp(String(Date.now() * 10_000))
    .setState(MemberInfo.VNodeState.LEADER)
    .setIsAlive(true)
    .setHttpEndPoint(new EndPoint().setAddress('127.0.0.1').setPort(port));
  return new ClusterInfo().setMembersList([member]);
}
