import { apiSecurityHeaders } from './security-headers';

describe('apiSecurityHeaders', () => {
  it("are an API's: no caching, nothing allowed to load or frame, no sniffing, HSTS", () => {
    const headers = apiSecurityHeaders();
    expect(headers).toEqual({
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
    expect(Object.isFrozen(headers)).toBe(true);
  });
});
