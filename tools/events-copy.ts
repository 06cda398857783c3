import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { SqliteEventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import { PostgresAccessLogStore } from '@app/runtime/audit/access-log/postgres-access-log.store';
import { SqliteAccessLogStore } from '@app/runtime/audit/access-log/sqlite-access-log.store';
import { KEYS_FILE } from '@app/runtime/personal-data/personal-data.factory';
import { PostgresPersonalDataKeys } from '@app/runtime/personal-data/postgres/postgres-personal-data-keys';
import { SqlitePersonalDataKeys } from '@app/runtime/personal-data/sqlite/sqlite-personal-data-keys';
import { copyEvents, verifyCopy } from './copy/copy-events';

const usage = `usage: npm run events:copy -- --to postgres [--data-dir DIR] [--batch N]
Copies the events of the embedded store (DATA_DIR/events.sqlite) into the PostgreSQL event store
of EVENT_STORE_DATABASE_URL (else DATABASE_URL), positions and recording times kept, with a
progress bar; then checks the copy: both logs read side by side, event by event, and every case's
hash chain recomputed in PostgreSQL. The access log (DATA_DIR/access-log.sqlite) and the
personal-data keys (DATA_DIR/keys.sqlite, still wrapped) go along: start the PostgreSQL processes
with PERSONAL_DATA_KEY set to the key in DATA_DIR/personal-data-key.
Stop the server first. Run again after an interruption: it continues where it stopped.
Exits 0 when the copy verifies, 1 when it does not, 2 when it could not run.`;

function options() {
  const { values } = parseArgs({
    options: {
      to: { type: 'string' },
      'data-dir': { type: 'string' },
      batch: { type: 'string', default: '2000' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  if (values.to !== 'postgres') throw new Error(`--to postgres is the one target\n${usage}`);
  const url = process.env.EVENT_STORE_DATABASE_URL || process.env.DATABASE_URL;
  if (!url)
    throw new Error('set EVENT_STORE_DATABASE_URL (or DATABASE_URL) to the target database');
  const dataDir = values['data-dir'] ?? (process.env.DATA_DIR || './data');
  const batch = Number(values.batch);
  if (!Number.isSafeInteger(batch) || batch < 1)
    throw new Error('--batch must be a positive integer');
  return { url, dataDir, batch };
}

async function main(): Promise<number> {
  const { url, dataDir, batch } = options();
  const file = join(dataDir, 'events.sqlite');
  if (!existsSync(file))
    throw new Error(`no embedded event store at ${file} (set DATA_DIR or --data-dir)`);
  const source = new SqliteEventStore({ filename: file, crossProcessPollMs: false });
  const target = await PostgresEventStore.open({ connectionString: url, poolSize: 2 });
  const where = `PostgreSQL database ${new URL(url).pathname.slice(1)} on ${new URL(url).host}`;
  try {
    const total = Number((await source.headPosition()) ?? 0);
    const bar = new SingleBar({
      format: ' copying {bar} {percentage}% | {value}/{total} events | {duration}s',
      stream: process.stderr,
      // a line a second when the output is not a terminal (a log), and the last one at the end
      noTTYOutput: true,
      notTTYSchedule: 1000,
    });
    const done = Number((await target.headPosition()) ?? 0);
    console.error(`Copying ${total} events from ${file} into ${where}`);
    bar.start(total, done);
    const copy = await copyEvents(source, target, {
      batchSize: batch,
      onProgress: (copied) => bar.update(done + copied),
    });
    bar.stop();
    if (copy.resumedAfter !== null)
      console.error(`(continued after position ${copy.resumedAfter})`);
    const accessReads = await copyAccessLog(dataDir, url);
    const keys = await copyKeys(dataDir, url);

    console.error("Verifying the copy: both logs side by side, then every case's hash chain");
    const check = new SingleBar({
      format: ' verifying {bar} {percentage}% | {value}/{total} cases',
      stream: process.stderr,
    });
    const result = await verifyCopy(source, target, {
      onCases: (count) => check.start(count, 0),
      onCase: () => check.increment(),
    });
    check.stop();
    const problems = [
      result.sourceEvents !== result.targetEvents &&
        `counts differ: ${result.sourceEvents} events in SQLite, ${result.targetEvents} in PostgreSQL`,
      result.firstDifference !== null && `the logs differ from position ${result.firstDifference}`,
      ...result.broken.map(
        (b) =>
          `BROKEN ${b.caseId} ${b.brokenAtRevision === null ? 'unreadable' : `at revision ${b.brokenAtRevision}`}`,
      ),
    ].filter(Boolean);
    for (const problem of problems) console.log(problem);
    if (problems.length > 0) return 1;
    console.log(
      `Copied ${copy.copied} events (${result.targetEvents} in all, ${result.cases} cases) and ` +
        `${accessReads} access-log records and ${keys} data keys: counts equal, every event ` +
        'identical, every hash chain holds.',
    );
    console.log(keyAdvice(dataDir));
    return 0;
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}

/** The access log's records, once: a target that already holds them all is left alone. */
async function copyAccessLog(dataDir: string, url: string): Promise<number> {
  const file = join(dataDir, 'access-log.sqlite');
  if (!existsSync(file)) return 0;
  const source = new SqliteAccessLogStore(file);
  const target = new PostgresAccessLogStore(url);
  try {
    const records = source.all();
    const held = await target.count();
    if (held === records.length) return 0;
    if (held !== 0)
      throw new Error(
        `the target's access log holds ${held} records, the embedded one ${records.length}: copy into an empty database`,
      );
    await target.importRecords(records);
    return records.length;
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}

/**
 * The data keys, still wrapped under the master key (they open nothing without it), rows the
 * target already holds left alone: keys destroyed here stay destroyed there.
 */
async function copyKeys(dataDir: string, url: string): Promise<number> {
  const file = join(dataDir, KEYS_FILE);
  if (!existsSync(file)) return 0;
  const source = new SqlitePersonalDataKeys(file);
  const target = new PostgresPersonalDataKeys(url);
  try {
    const held = new Set((await target.all()).map((r) => `${r.streamId}\n${r.generation}`));
    const rows = (await source.all()).filter((r) => !held.has(`${r.streamId}\n${r.generation}`));
    await target.importRows(rows);
    return rows.length;
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}

/** The secrets the embedded store generated must follow it: the reservations are named with one. */
function keyAdvice(dataDir: string): string {
  const file = join(dataDir, 'identity-hmac-key');
  if (!existsSync(file)) return 'Now start every process with EVENT_STORE=postgres.';
  const key = readFileSync(file, 'utf8').trim();
  const set = process.env.IDENTITY_HMAC_KEY;
  if (set && set !== key)
    return (
      `WARNING: IDENTITY_HMAC_KEY differs from ${file}. Start every process with the key in that ` +
      'file, or the one-open-case rule no longer holds for the cases copied.'
    );
  return (
    `Now start every process with EVENT_STORE=postgres, IDENTITY_HMAC_KEY set to the key in ${file} ` +
    `and PERSONAL_DATA_KEY to the one in ${join(dataDir, 'personal-data-key')} ` +
    '(and AUTH_JWT_SECRET to the one in jwt-secret, for the tokens already issued).'
  );
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // a store error may quote a row, and rows hold personal information: the message only
    console.error(`events:copy: ${(error as Error)?.message ?? String(error)}`);
    process.exit(2);
  },
);
