export {
  freshLog,
  startEsdbTestServer,
  systemEvent,
  SERVER_VERSION,
  type EsdbTestServer,
  type EsdbTestServerOptions,
} from './esdb-test-server';
export { InMemoryEventLog, type LoggedEvent, type ProposedEvent } from './in-memory-log';
export type { ActiveFeed, FeedRequest, SubscriptionFault } from './subscription-feed';
