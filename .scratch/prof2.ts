import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SqliteEventStore } from '@app/event-store';
import { rebuildReadModels, SqliteReadModelStore } from '@app/read-models';
async function main() {
  const dir = process.argv[2];
  const bs = Number(process.argv[3] ?? 500);
  const out = mkdtempSync(join(tmpdir(), 'p2-'));
  const events = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), crossProcessPollMs: false });
  let t = performance.now(); let n = 0;
  for await (const _ of events.readAll()) n++;
  console.log('readAll', n, (performance.now() - t).toFixed(0));
  for (let r = 0; r < 10; r++) {
    const store = new SqliteReadModelStore({ filename: join(out, `rm${r}.sqlite`) });
    t = performance.now();
    await rebuildReadModels(events, store, { batchSize: bs });
    console.log('rebuild', bs, (performance.now() - t).toFixed(0));
    await store.close();
  }
}
main();
