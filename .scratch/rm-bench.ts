import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { SqliteEventStore } from '@app/event-store';
import { rebuildReadModels, SqliteReadModelStore, type ReadModelStore, type ReadModelTransaction } from '@app/read-models';
import { ScenarioLog } from '../libs/read-models/src/testing/scenario-log';
import { ReadModelWriter } from '../libs/read-models/src/sql/read-model-writer';
import { sqliteDialect } from '../libs/read-models/src/sqlite/sqlite-dialect';
import { migrateReadModels } from '../libs/read-models/src/sqlite/sqlite-read-model-migrations';
import { READ_MODEL_TABLES } from '../libs/read-models/src/sql/read-model-tables';

const N = Number(process.env.N ?? 4000);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'rmbench-'));
  const events = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), crossProcessPollMs: false });
  const log = new ScenarioLog();
  log.standard('3703', 'ORPHAN', 197800, '2024-01-01');
  for (let i = 0; i < N; i++) {
    const id = `0a000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    log.identify(id, { regionCode: `3703030${String(i % 90).padStart(2, '0')}001`, birthDate: '2012-05-10', sequence: i % 900, categories: ['ORPHAN'] });
    log.command(id, 'AssessRisk', { guardianshipRisk: 1, livingRisk: 2, behaviourRisk: 0, assessedAt: '2026-11-01T09:00:00+08:00' });
    log.command(id, 'EnrollInProgramme', { programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: '2024-03-01' });
    log.command(id, 'EnrollInProgramme', { programme: 'MEDICAL_ASSISTANCE', effectiveFrom: '2024-03-01' });
    log.command(id, 'AssignCaseworker', { caseworkerId: `director-${i % 50}` });
    log.command(id, 'RecordVisit', { visitedAt: '2026-11-02T09:00:00+08:00', notes: null });
  }
  // append per stream in one go
  const byStream = new Map<string, typeof log.events>();
  for (const e of log.events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  for (const [stream, es] of byStream)
    await events.appendToStream(stream, es.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: {} })), { expectedRevision: 'no_stream' });
  const total = log.events.length;
  console.log('events', total);

  const time = async (label: string, f: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    await f();
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    console.log(label, ms.toFixed(0), 'ms', Math.round(total / (ms / 1000)), 'ev/s');
    return ms;
  };
  for (let round = 0; round < 2; round++) {
    await time('raw read', async () => { let n = 0; for await (const _ of events.readAll()) n++; });
    const direct = new SqliteReadModelStore({ filename: join(dir, `direct${round}.sqlite`) });
    await time('rebuild direct', () => rebuildReadModels(events, direct));
    const kysely = kyselyStore(join(dir, `kysely${round}.sqlite`));
    await time('rebuild kysely', () => rebuildReadModels(events, kysely));
    const a = await direct.dump(); const b = await kysely.dump();
    console.log('same dump', JSON.stringify(a) === JSON.stringify(b));
    await direct.close(); await kysely.close();
  }
  await events.close();
  rmSync(dir, { recursive: true, force: true });
}

function kyselyStore(filename: string): ReadModelStore {
  const writer = new Database(filename);
  writer.pragma('journal_mode = WAL'); writer.pragma('synchronous = NORMAL');
  migrateReadModels(writer);
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: writer }) });
  const reader = new SqliteReadModelStore({ filename });
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(run: () => Promise<T>) => { const n = queue.then(run, run); queue = n.catch(() => undefined); return n; };
  return Object.assign(Object.create(reader), {
    transaction: <T>(work: (tx: ReadModelTransaction) => Promise<T>) => exclusive(() => db.transaction().execute((tx) => work(new ReadModelWriter(tx, sqliteDialect)))),
    reset: () => exclusive(() => db.transaction().execute((tx) => new ReadModelWriter(tx, sqliteDialect).reset(READ_MODEL_TABLES.map((t) => t.table)))),
    dump: () => reader.dump(),
    checkpoints: () => reader.checkpoints(),
    close: async () => { await reader.close(); await db.destroy(); },
  });
}
main();
