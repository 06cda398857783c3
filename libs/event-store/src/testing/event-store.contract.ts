import { appendContract } from './contract-append';
import { contractContext, type EventStoreContractFactory } from './contract-context';
import { durabilityContract } from './contract-durability';
import { inputContract } from './contract-input';
import { logChainContract } from './contract-log-chain';
import { readContract } from './contract-reads';
import { subscriptionContract } from './contract-subscriptions';

export type { EventStoreContractFactory, EventStoreFixture } from './contract-context';

/**
 * The behaviour every EventStore adapter must show. Run it from the adapter's `.int.spec.ts`:
 * `eventStoreContract('SqliteEventStore', { create: ..., capabilities: { reopen: true, crash: true } })`.
 * Tests write only to streams under their own prefix and read the global log from the head they
 * found, so an adapter backed by a shared server passes too.
 */
export function eventStoreContract(name: string, factory: EventStoreContractFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    const ctx = contractContext(factory);
    describe('appendToStream', () => appendContract(ctx));
    describe('bad input', () => inputContract(ctx));
    describe('reads', () => readContract(ctx));
    describe('subscribeToAll', () => subscriptionContract(ctx));
    describe('global hash chain', () => logChainContract(ctx));
    describe('durability', () => durabilityContract(ctx, factory.capabilities ?? {}));
  });
}
