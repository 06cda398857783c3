import { RateLimited } from '../errors/app-errors';
import { PerCallerLimit } from './per-caller-limit';

describe('a per-caller limit', () => {
  it('lets a caller make its quota in a minute, refuses the next call with the wait, and resets', () => {
    let now = 1_000_000;
    const limit = new PerCallerLimit(2, () => now);
    limit.take('Bearer a');
    limit.take('Bearer a');
    limit.take('Bearer b'); // another caller has its own quota
    now += 15_000;
    expect(() => limit.take('Bearer a')).toThrow(new RateLimited(45));
    now += 45_000;
    expect(() => limit.take('Bearer a')).not.toThrow();
  });
});
