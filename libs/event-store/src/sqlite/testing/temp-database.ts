import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database path in a fresh temp directory, removed by `remove()`. */
export function tempDatabase(): { filename: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-'));
  return {
    filename: join(dir, 'events.db'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
