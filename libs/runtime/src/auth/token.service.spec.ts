import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { loadConfig } from '../config/app-config';
import { AuthenticationFailed, TokenService } from './token.service';

const SECRET = 'unit-secret-0123456789abcdef-ghijkl';
const config = (env: Record<string, string> = {}) =>
  loadConfig({
    DATA_DIR: '/tmp/unused-token-spec',
    AUTH_JWT_SECRET: SECRET,
    IDENTITY_HMAC_KEY: 'k',
    ...env,
  });
const claims = { sub: 'u1', role: 'ADMIN', regions: ['3703'] };
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

function handMade(header: object, payload: object, secret = SECRET): string {
  const body = `${b64(header)}.${b64(payload)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

describe('bearer tokens', () => {
  const tokens = new TokenService(config());
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts an HS256 token with an expiry and turns it into the caller', () => {
    const token = jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    expect(tokens.verify(token)).toEqual({
      id: 'u1',
      role: 'ADMIN',
      regions: ['3703'],
      agency: undefined,
    });
  });

  it('reads "*" as everywhere', () => {
    const token = jwt.sign({ ...claims, regions: ['*'] }, SECRET, { expiresIn: 60 });
    expect(tokens.verify(token).regions).toEqual(['']);
  });

  it.each([
    [
      'alg none',
      () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: now() + 60 })}.`,
    ],
    ['HS512', () => jwt.sign(claims, SECRET, { algorithm: 'HS512', expiresIn: 60 })],
    ['another secret', () => jwt.sign(claims, 'other-secret', { expiresIn: 60 })],
    ['no expiry', () => handMade({ alg: 'HS256', typ: 'JWT' }, claims)],
    [
      'expired beyond the skew',
      () => handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: now() - 120 }),
    ],
    [
      'not yet valid',
      () =>
        handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: now() + 600, nbf: now() + 300 }),
    ],
    [
      'regions not an array',
      () => jwt.sign({ ...claims, regions: '3703' }, SECRET, { expiresIn: 60 }),
    ],
    [
      'a region that is no code prefix',
      () => jwt.sign({ ...claims, regions: ['37a3'] }, SECRET, { expiresIn: 60 }),
    ],
    ['an unknown role', () => jwt.sign({ ...claims, role: 'MAYOR' }, SECRET, { expiresIn: 60 })],
    ['no subject', () => jwt.sign({ role: 'ADMIN', regions: [] }, SECRET, { expiresIn: 60 })],
    ['garbage', () => 'not-a-token'],
  ])('refuses %s', (_, make) => {
    expect(() => tokens.verify(make())).toThrow(AuthenticationFailed);
  });

  it('tolerates a small clock skew on exp', () => {
    const token = handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, exp: now() - 10 });
    expect(tokens.verify(token).id).toBe('u1');
  });

  it('checks issuer and audience when configured', () => {
    const strict = new TokenService(config({ AUTH_JWT_ISSUER: 'mca', AUTH_JWT_AUDIENCE: 'cases' }));
    expect(() => strict.verify(jwt.sign(claims, SECRET, { expiresIn: 60 }))).toThrow(
      AuthenticationFailed,
    );
    expect(() =>
      strict.verify(jwt.sign(claims, SECRET, { expiresIn: 60, issuer: 'mca', audience: 'other' })),
    ).toThrow(AuthenticationFailed);
    expect(strict.verify(strict.sign({ sub: 'u1', role: 'ADMIN', regions: [] })).id).toBe('u1');
  });

  it('keeps refusing a remembered token once it has expired', () => {
    const token = jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn: 60 });
    expect(tokens.verify(token).id).toBe('u1');
    const later = Date.now() + 200_000;
    const clock = jest.spyOn(Date, 'now').mockReturnValue(later);
    try {
      expect(() => tokens.verify(token)).toThrow(AuthenticationFailed);
    } finally {
      clock.mockRestore();
    }
  });

  it('refuses a token whose exp lies further ahead than AUTH_MAX_TOKEN_TTL_SECONDS', () => {
    const signed = (exp: number) => jwt.sign({ ...claims, exp }, SECRET, { algorithm: 'HS256' });
    expect(() => tokens.verify(signed(1e308))).toThrow('token expiry lies too far ahead');
    expect(() => tokens.verify(signed(now() + 86_400 + 31 + 5))).toThrow(AuthenticationFailed);
    expect(tokens.verify(signed(now() + 86_400)).id).toBe('u1');
    const hourly = new TokenService(config({ AUTH_MAX_TOKEN_TTL_SECONDS: '3600' }));
    expect(() => hourly.verify(signed(now() + 7200))).toThrow(AuthenticationFailed);
    expect(() => hourly.sign({ sub: 'u1', role: 'ADMIN', regions: [] }, 7200)).toThrow(
      /AUTH_MAX_TOKEN_TTL_SECONDS/,
    );
  });

  it('never puts the secret or the token in its errors', () => {
    const token = jwt.sign(claims, 'other-secret', { expiresIn: 60 });
    try {
      tokens.verify(token);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(SECRET);
      expect(String((error as Error).message)).not.toContain(token);
    }
    expect.assertions(2);
  });
});
