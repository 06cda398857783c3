export { eventStoreContract } from './event-store.contract';
export type { EventStoreContractFactory, EventStoreFixture } from './contract-context';
export { runCrashAppender, type CrashAck } from './crash-appender';
