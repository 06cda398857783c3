import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@app/runtime/auth/principal';
import { APP_CONFIG, type AppConfig } from '@app/runtime/config/app-config';
import { RateLimited } from '@app/runtime/errors/app-errors';

const WINDOW_MS = 60_000;
const SWEEP_AT = 10_000;

/** The key of a verified caller: who and in which role (the raw header is never the key). */
export const principalKey = (principal: Principal): string => `${principal.role}\n${principal.id}`;

/**
 * A fixed one-minute window per verified principal (`sub` + role), so that a token sent as
 * `bearer`, `BEARER` or with two spaces is the same caller, and two tokens of one user share it.
 */
export class PrincipalRateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Counts `units` (a request, or the mutations of an operation) at once; past the limit
   * nothing is counted and RateLimited says how many seconds until the window ends.
   */
  take(principal: Principal, units = 1): void {
    const key = principalKey(principal);
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size >= SWEEP_AT) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count + units > this.perMinute)
      throw new RateLimited(Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000)));
    window.count += units;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows)
      if (now - window.start >= WINDOW_MS) this.windows.delete(key);
  }
}

/** The two limits of the service, one instance each for every transport that counts against them. */
@Injectable()
export class RateLimits {
  /** GraphQL mutations: every root field of every mutation operation that runs */
  readonly mutations: PrincipalRateLimit;
  /** agency acts, over REST and gRPC together */
  readonly agency: PrincipalRateLimit;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.mutations = new PrincipalRateLimit(config.rateLimits.mutationsPerMinute);
    this.agency = new PrincipalRateLimit(config.rateLimits.agencyPerMinute);
  }
}
