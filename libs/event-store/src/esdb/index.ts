export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store';
export type { EsdbSubscriptionSettings, ResubscribeEvent } from './esdb-subscription';
export { decodePosition, encodePosition, isEsdbPosition } from './esdb-position';
