import { apiSecurityHeaders } from './security-headers';

describe('apiSecurityHeaders', () => {
  it("are an API's: no caching, nothing allowed to load or frame, no sniffing, HSTS", () => {
    const headers = apiSecurityHeaders({ contentSecurityPolicy: true });
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

  it('leave the content security policy out when GraphiQL needs its CDN scripts', () => {
    const headers = apiSecurityHeaders({ contentSecurityPolicy: false });
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['cache-control']).toBe('no-store');
  });
});
