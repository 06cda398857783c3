import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { getOrCreateSecret } from './secrets';

/** Where and how the signed checkpoints of the logs are written (docs/audit.md). */
export interface AuditConfig {
  /** AUDIT_SIGNING_KEY (HMAC-SHA256 of the checkpoints), null when unset outside production */
  signingKey: string | null;
  /** the checkpoints' own place: `checkpoints.jsonl` in it, appended to, never rewritten */
  checkpointDir: string;
  /** a checkpoint this often while the logs grow; 0: only at start, at shutdown and on demand */
  checkpointIntervalMs: number;
}

/** Development only: the key kept next to (not in) the databases, 0600. */
const DEV_KEY_FILE = 'audit-signing-key';
const MIN_KEY_BYTES = 32;

/**
 * `signs`: whether this process signs checkpoints (the api does; the projector does not, and so
 * needs no key in production: the fewer processes hold it, the better).
 */
export function loadAuditConfig(
  env: NodeJS.ProcessEnv,
  dataDir: string,
  signs = true,
): AuditConfig {
  const key = env.AUDIT_SIGNING_KEY || null;
  if (key !== null && Buffer.byteLength(key, 'utf8') < MIN_KEY_BYTES)
    throw new ConfigError(`AUDIT_SIGNING_KEY must be at least ${MIN_KEY_BYTES} bytes`);
  if (key === null && signs && env.NODE_ENV === 'production')
    throw new ConfigError(
      'AUDIT_SIGNING_KEY is required in production (a key the database operator does not hold)',
    );
  return {
    signingKey: key,
    checkpointDir: resolve(env.AUDIT_CHECKPOINT_DIR || join(dataDir, 'checkpoints')),
    checkpointIntervalMs: intervalOf(env) * 1000,
  };
}

/**
 * The key to sign or check with: AUDIT_SIGNING_KEY, else (development) the one kept in DATA_DIR,
 * made there on first use by a writer (`create`); a reader creates no secrets and gets null.
 */
export function signingKey(audit: AuditConfig, dataDir: string, create: boolean): string | null {
  if (audit.signingKey !== null) return audit.signingKey;
  if (create) return getOrCreateSecret(dataDir, DEV_KEY_FILE);
  const file = join(dataDir, DEV_KEY_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() || null : null;
}

function intervalOf(env: NodeJS.ProcessEnv): number {
  const value = env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
  if (value === undefined || value === '') return 300;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new ConfigError('AUDIT_CHECKPOINT_INTERVAL_SECONDS must be 0 or a positive integer');
  return n;
}
