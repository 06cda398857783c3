import { createHmac, timingSafeEqual } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '@app/domain';

/** The head of a chain: the last position (or seq) and its link. */
export interface ChainHead {
  position: string;
  head: string;
}

/**
 * What a checkpoint vouches for, signed: the head of the event log and of the access log at a
 * moment, and the last revision and row digest of every stream appended to since the checkpoint
 * before it (so a later rewrite can be named by stream).
 */
export interface CheckpointBody {
  version: 1;
  at: string;
  log: ChainHead;
  /** [streamId, revision, row digest] */
  streams: [string, string, string][];
  /** null when the access log has no chain to vouch for (none configured) */
  access: ChainHead | null;
}

export interface Checkpoint extends CheckpointBody {
  /** HMAC-SHA256 (hex) of canonicalJson(body) under AUDIT_SIGNING_KEY */
  mac: string;
}

export const CHECKPOINT_FILE = 'checkpoints.jsonl';

const macOf = (key: string, body: CheckpointBody): string =>
  createHmac('sha256', key).update(canonicalJson(body), 'utf8').digest('hex');

export function signCheckpoint(key: string, body: CheckpointBody): Checkpoint {
  return { ...body, mac: macOf(key, body) };
}

export function isSignedBy(key: string, checkpoint: Checkpoint): boolean {
  const { mac, ...body } = checkpoint;
  if (typeof mac !== 'string' || !/^[0-9a-f]{64}$/.test(mac)) return false;
  try {
    return timingSafeEqual(Buffer.from(mac, 'hex'), Buffer.from(macOf(key, body), 'hex'));
  } catch {
    return false;
  }
}

/** One line appended (the folder 0700, the file 0600); nothing before it is ever rewritten. */
export function appendCheckpoint(dir: string, checkpoint: Checkpoint): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  appendFileSync(join(dir, CHECKPOINT_FILE), JSON.stringify(checkpoint) + '\n', { mode: 0o600 });
}

/** A line of the file: the checkpoint, or why it is not one (its line number from 1). */
export type CheckpointLine =
  { line: number; checkpoint: Checkpoint } | { line: number; damaged: string };

export function readCheckpointLines(dir: string): CheckpointLine[] {
  let text: string;
  try {
    text = readFileSync(join(dir, CHECKPOINT_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines: CheckpointLine[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    try {
      const checkpoint = JSON.parse(raw) as Checkpoint;
      if (checkpoint?.version !== 1 || typeof checkpoint.log?.head !== 'string')
        lines.push({ line: i + 1, damaged: 'not a checkpoint' });
      else lines.push({ line: i + 1, checkpoint });
    } catch {
      lines.push({ line: i + 1, damaged: 'not JSON' });
    }
  });
  return lines;
}

/** The checkpoints signed by `key`, in file order. */
export function signedCheckpoints(dir: string, key: string): Checkpoint[] {
  return readCheckpointLines(dir).flatMap((l) =>
    'checkpoint' in l && isSignedBy(key, l.checkpoint) ? [l.checkpoint] : [],
  );
}
