import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { rebuildReadModels, SqliteReadModelStore } from '@app/read-models';
import { ScenarioLog } from '../libs/read-models/src/testing/scenario-log';
async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'rmprof-'));
  const events = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), crossProcessPollMs: false });
  const log = new ScenarioLog();
  for (let i = 0; i < 4000; i++) {
    const id = `0a000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    log.identify(id, { regionCode: `3703030${String(i % 90).padStart(2, '0')}001`, birthDate: '2012-05-10', sequence: i % 900, categories: ['ORPHAN'] });
    log.command(id, 'AssessRisk', { guardianshipRisk: 1, livingRisk: 2, behaviourRisk: 0, assessedAt: '2026-11-01T09:00:00+08:00' });
    log.command(id, 'EnrollInProgramme', { programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: '2024-03-01' });
    log.command(id, 'EnrollInProgramme', { programme: 'MEDICAL_ASSISTANCE', effectiveFrom: '2024-03-01' });
    log.command(id, 'AssignCaseworker', { caseworkerId: `director-${i % 50}` });
    log.command(id, 'RecordVisit', { visitedAt: '2026-11-02T09:00:00+08:00', notes: null });
  }
  const byStream = new Map<string, typeof log.events>();
  for (const e of log.events) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e]);
  for (const [stream, es] of byStream)
    await events.appendToStream(stream, es.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: {} })), { expectedRevision: 'no_stream' });
  for (let r = 0; r < 5; r++) {
    const store = new SqliteReadModelStore({ filename: join(dir, `rm${r}.sqlite`) });
    const t = Date.now();
    await rebuildReadModels(events, store);
    console.log('rebuild', Date.now() - t);
    await store.close();
  }
}
main();
