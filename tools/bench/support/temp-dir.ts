import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory for one run; every phase gets its own sub-directory; `remove` deletes it all. */
export class TempDir {
  readonly root = mkdtempSync(join(tmpdir(), 'cases-bench-'));

  sub(name: string): string {
    const dir = join(this.root, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
