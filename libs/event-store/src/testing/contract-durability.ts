import type { ChildProcess } from 'node:child_process';
import type { EventStore } from '../event-store.port';
import type { ContractContext, EventStoreContractFactory } from './contract-context';
import { collect, events, readAllOf, startOfTest } from './contract-helpers';
import type { CrashAck } from './crash-appender';

type Capabilities = NonNullable<EventStoreContractFactory['capabilities']>;

export function durabilityContract(ctx: ContractContext, capabilities: Capabilities): void {
  const itWithReopen = capabilities.reopen ? it : it.skip;
  const itWithCrash = capabilities.crash && capabilities.reopen ? it : it.skip;

  itWithReopen('reopening the same store keeps every event and continues after them', async () => {
    const from = await startOfTest(ctx.store);
    const stream = `${ctx.prefix}s`;
    await ctx.store.appendToStream(stream, events(3));
    await ctx.store.appendToStream(`${ctx.prefix}other`, events(2));
    const before = await readAllOf(ctx.store, ctx.prefix, from);

    const reopened = await reopen(ctx);
    expect(await readAllOf(reopened, ctx.prefix, from)).toEqual(before);
    const next = await reopened.appendToStream(stream, events(1), { expectedRevision: 2n });
    expect(next.nextRevision).toBe(3n);
  });

  itWithCrash('every append acknowledged before a SIGKILL is there after reopening', async () => {
    const spawnAppender = requireFixture(ctx.fixture.spawnAppender, 'spawnAppender');
    const child = spawnAppender.call(ctx.fixture, ctx.prefix);
    const acks = await acknowledgements(child, 300);
    child.kill('SIGKILL');
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL'); // it was still appending when it died

    const reopened = await reopen(ctx);
    for (const ack of acks) {
      const stored = await collect(
        reopened.readStream(ack.streamId, { fromRevision: BigInt(ack.revision), maxCount: 1 }),
      );
      expect(stored.map((e) => [e.id, e.position])).toEqual([[ack.id, ack.position]]);
    }
  });
}

async function reopen(ctx: ContractContext): Promise<EventStore> {
  ctx.store = await requireFixture(ctx.fixture.reopen, 'reopen').call(ctx.fixture);
  return ctx.store;
}

function requireFixture<F>(method: F | undefined, name: string): F {
  if (!method) throw new Error(`the factory declares the capability but has no ${name}()`);
  return method;
}

/** Resolves with the acks read so far once at least `count` arrived; rejects if the child dies first. */
function acknowledgements(child: ChildProcess, count: number): Promise<CrashAck[]> {
  return new Promise((resolve, reject) => {
    const acks: CrashAck[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      const lines = (buffered + chunk.toString()).split('\n');
      buffered = lines.pop() ?? '';
      acks.push(...lines.map((line) => JSON.parse(line) as CrashAck));
      if (acks.length >= count) resolve(acks);
    });
    child.on('exit', (code, signal) =>
      reject(
        new Error(`appender exited early (${code ?? signal}) after ${acks.length} acks: ${stderr}`),
      ),
    );
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
