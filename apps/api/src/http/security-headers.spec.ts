import { helmetHeaders } from './security-headers';

describe('helmetHeaders', () => {
  it("are helmet's defaults, worked out once", () => {
    const headers = helmetHeaders({ crossOriginEmbedderPolicy: false });
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['cross-origin-embedder-policy']).toBeUndefined();
    expect(Object.isFrozen(headers)).toBe(true);
  });

  it('leave the content security policy out when GraphiQL needs its CDN scripts', () => {
    const headers = helmetHeaders({ contentSecurityPolicy: false });
    expect(headers['content-security-policy']).toBeUndefined();
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
