import { createHash } from 'node:crypto';
import { RateLimited } from '../errors/app-errors';

/**
 * A fixed one-minute window per caller, for what @fastify/rate-limit does not see (the agency
 * gRPC service). Callers are keyed by a hash of their credential, never the credential itself.
 */
export class PerCallerLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one call; throws RateLimited (with the seconds until the window ends) past the limit. */
  take(credential: string | undefined): void {
    const key = createHash('sha256')
      .update(credential ?? '')
      .digest('hex');
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= 60_000) {
      if (this.windows.size >= 10_000) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (++window.count > this.perMinute) {
      throw new RateLimited(Math.max(1, Math.ceil((window.start + 60_000 - now) / 1000)));
    }
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= 60_000) this.windows.delete(key);
  }
}
