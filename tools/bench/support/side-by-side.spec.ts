import type { LoadResult } from './http-load';
import { combined } from './side-by-side';

const window = (requests: number, seconds: number, p99Ms: number, failures = 0): LoadResult => ({
  rps: requests / seconds,
  p99Ms,
  requests,
  seconds,
  non2xx: failures,
  errors: 0,
  graphqlErrors: 0,
});

describe('combined', () => {
  it('rates a server by its requests over the summed time of its windows', () => {
    // a fast and a slow window: 30,000 requests in 3 s, not the mean of 20,000 and 5,000 req/s
    const result = combined([window(20_000, 1, 2), window(10_000, 2, 5)]);
    expect(result).toMatchObject({ requests: 30_000, seconds: 3, rps: 10_000, windows: 2 });
  });

  it('reports the worst window p99 and every failure', () => {
    const result = combined([window(100, 1, 3, 1), window(100, 1, 9), window(100, 1, 4, 2)]);
    expect(result.p99Ms).toBe(9);
    expect(result.non2xx).toBe(3);
  });

  it('is empty, not a division by zero, without windows', () => {
    expect(combined([])).toMatchObject({ rps: 0, requests: 0, p99Ms: 0, windows: 0 });
  });
});
