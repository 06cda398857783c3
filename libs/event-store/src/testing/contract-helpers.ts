import { randomUUID } from 'node:crypto';
import { WrongExpectedRevision } from '../errors';
import type {
  EventStore,
  EventToAppend,
  ExpectedRevision,
  FromPosition,
  StoredEvent,
} from '../event-store.port';
import { comparePositions } from '../position';

/** A fresh event; tests name streams under a per-test prefix so they also work on a shared server. */
export function anEvent(data: unknown = { n: 1 }, type = 'SomethingHappened'): EventToAppend {
  return { id: randomUUID(), type, data, metadata: { actor: 'contract-test' } };
}

export const events = (count: number, from = 0): EventToAppend[] =>
  Array.from({ length: count }, (_, i) => anEvent({ n: from + i }));

/** A stream-name prefix no other test uses. */
export const uniquePrefix = (): string => `t${randomUUID().replace(/-/g, '').slice(0, 12)}-`;

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

/** Where "everything this test writes" starts: the log may already hold other tests' events. */
export async function startOfTest(store: EventStore): Promise<FromPosition> {
  return (await store.headPosition()) ?? 'start';
}

export async function readAllOf(
  store: EventStore,
  prefix: string,
  fromPosition: FromPosition,
): Promise<StoredEvent[]> {
  const all = await collect(store.readAll({ fromPosition }));
  return all.filter((e) => e.streamId.startsWith(prefix));
}

/** Collects events pushed by a consumer and lets a test wait until a condition holds. */
export class Collector<T> {
  readonly items: T[] = [];
  private waiters: { predicate: (items: T[]) => boolean; resolve: () => void }[] = [];

  push(item: T): void {
    this.items.push(item);
    this.waiters = this.waiters.filter((w) => {
      if (!w.predicate(this.items)) return true;
      w.resolve();
      return false;
    });
  }

  until(predicate: (items: T[]) => boolean): Promise<void> {
    if (predicate(this.items)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ predicate, resolve }));
  }
}

/** Consumes an iterable in the background into a Collector; `done` settles when iteration ends. */
export function consume<T>(iterable: AsyncIterable<T>): {
  seen: Collector<T>;
  done: Promise<void>;
} {
  const seen = new Collector<T>();
  const done = (async () => {
    for await (const item of iterable) seen.push(item);
  })();
  return { seen, done };
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise fulfilled');
}

export function expectWrongExpectedRevision(
  error: unknown,
  streamId: string,
  expectedRevision: ExpectedRevision,
  actualRevision: bigint | 'no_stream',
): void {
  expect(error).toBeInstanceOf(WrongExpectedRevision);
  expect(error).toMatchObject({ streamId, expectedRevision, actualRevision });
}

export function expectAscending(positions: string[]): void {
  positions.slice(1).forEach((p, i) => {
    if (comparePositions(positions[i], p) >= 0) {
      throw new Error(`positions not strictly ascending at ${i}: ${positions[i]} then ${p}`);
    }
  });
}
