import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Up to `count` case ids spread evenly over the seeded log (read straight from the file). */
export function sampleCaseIds(dataDir: string, count = 1000): string[] {
  const db = new Database(join(dataDir, 'events.sqlite'), { readonly: true });
  try {
    const streams = db
      .prepare(
        "SELECT stream_id FROM events WHERE revision = 0 AND stream_id LIKE 'case-%' ORDER BY position",
      )
      .pluck()
      .all() as string[];
    const step = Math.max(1, Math.floor(streams.length / count));
    return streams
      .filter((_, i) => i % step === 0)
      .slice(0, count)
      .map((s) => s.slice('case-'.length));
  } finally {
    db.close();
  }
}
