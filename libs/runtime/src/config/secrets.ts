import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { preparePrivateDir } from '@app/event-store/sqlite/private-files';

/**
 * Returns the secret kept in DATA_DIR under `name`, creating it (0600) on first use.
 * The embedded default needs no configuration; production sets the secrets by environment.
 */
export function getOrCreateSecret(dataDir: string, name: string): string {
  preparePrivateDir(dataDir);
  const file = join(dataDir, name);
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    // another process created it first: use theirs
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return readFileSync(file, 'utf8').trim();
    throw error;
  }
}
