import type { Fen } from './types';

const YUAN = /^(0|[1-9]\d*)(\.(\d{1,2}))?$/;

/** "1978.00" -> 197800. Refuses negatives, more than 2 decimals, non-numbers, unsafe integers. */
export function parseYuan(value: string): Fen {
  const m = typeof value === 'string' ? YUAN.exec(value.trim()) : null;
  if (!m) throw new RangeError('not an amount in yuan with at most 2 decimals');
  const fen = Number(m[1]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) throw new RangeError('amount too large');
  return fen;
}

/** Like parseYuan, but null instead of throwing. */
export function tryParseYuan(value: unknown): Fen | null {
  try {
    return typeof value === 'string' ? parseYuan(value) : null;
  } catch {
    return null;
  }
}

/** 197800 -> "1978.00" (negatives keep their sign). */
export function formatYuan(fen: Fen): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError('fen must be a safe integer');
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A valid amount of fen: a safe integer, at least `min` (default 0). */
export function isFen(value: unknown, min = 0): value is Fen {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}
