import type { Principal } from '@app/runtime/auth/principal';
import { RateLimited } from '@app/runtime/errors/app-errors';
import { PrincipalRateLimit } from './rate-limits';

const who = (id: string, role: Principal['role'] = 'ADMIN'): Principal => ({
  id,
  role,
  regions: [''],
});

describe('a per-principal rate limit', () => {
  it('lets a principal make its quota in a minute, refuses the next unit with the wait, and resets', () => {
    let now = 1_000_000;
    const limit = new PrincipalRateLimit(2, () => now);
    limit.take(who('a'));
    limit.take(who('a'));
    limit.take(who('b')); // another principal has its own quota
    limit.take(who('a', 'AUDITOR')); // and so has the same sub in another role
    now += 15_000;
    expect(() => limit.take(who('a'))).toThrow(new RateLimited(45));
    now += 45_000;
    expect(() => limit.take(who('a'))).not.toThrow();
  });

  it('counts several units at once, and counts nothing of a refused take', () => {
    const limit = new PrincipalRateLimit(5, () => 0);
    limit.take(who('a'), 4);
    expect(() => limit.take(who('a'), 2)).toThrow(RateLimited);
    expect(() => limit.take(who('a'), 1)).not.toThrow();
    expect(() => limit.take(who('a'), 1)).toThrow(RateLimited);
  });
});
