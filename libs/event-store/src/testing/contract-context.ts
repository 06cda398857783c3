import type { ChildProcess } from 'node:child_process';
import type { EventStore } from '../event-store.port';
import { uniquePrefix } from './contract-helpers';

/** One store under test, as the factory hands it out. */
export interface EventStoreFixture {
  readonly store: EventStore;
  /** Closes `store` and opens the same store again (capability `reopen`). */
  reopen?(): Promise<EventStore>;
  /**
   * Starts a child process running `runCrashAppender(store, streamPrefix)` against this store,
   * with stdout piped: one JSON line per acknowledged append (capability `crash`).
   */
  spawnAppender?(streamPrefix: string): ChildProcess;
  /** Closes every store it opened and deletes what it created. */
  dispose(): Promise<void>;
}

export interface EventStoreContractFactory {
  /** A fresh store: an empty file for embedded adapters, or a fresh namespace on a server. */
  create(): Promise<EventStoreFixture>;
  /** Optional capabilities; their tests are skipped when not declared. */
  capabilities?: { reopen?: boolean; crash?: boolean };
}

/** What each contract test gets: the open store, its fixture and a stream prefix of its own. */
export interface ContractContext {
  store: EventStore;
  fixture: EventStoreFixture;
  prefix: string;
}

export function contractContext(factory: EventStoreContractFactory): ContractContext {
  const ctx = {} as ContractContext;
  beforeEach(async () => {
    ctx.fixture = await factory.create();
    ctx.store = ctx.fixture.store;
    ctx.prefix = uniquePrefix();
  });
  afterEach(async () => {
    await ctx.fixture?.dispose();
  });
  return ctx;
}
