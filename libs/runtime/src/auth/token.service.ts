import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ROLES, type Principal, type RoleName } from './principal';

export class AuthenticationFailed extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AuthenticationFailed';
  }
}

const REGION_PREFIX = /^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/;

const MAX_REMEMBERED = 10_000;

/** Verifies HS256 bearer tokens and turns their claims into a Principal. */
@Injectable()
export class TokenService {
  /** A KeyObject made once: jsonwebtoken otherwise builds one from the string on every verify. */
  private readonly key: KeyObject;
  /** Tokens already verified, until they expire (a client sends the same token many times). */
  private readonly verified = new Map<
    string,
    { principal: Principal; notBefore: number; expires: number }
  >();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
  }

  sign(
    claims: { sub: string; role: RoleName; regions: string[]; agency?: string },
    ttlSeconds = 8 * 3600,
  ): string {
    if (ttlSeconds > this.config.jwtMaxTtlSeconds)
      throw new AuthenticationFailed(
        `a token may live at most AUTH_MAX_TOKEN_TTL_SECONDS (${this.config.jwtMaxTtlSeconds} s)`,
      );
    return jwt.sign(claims, this.key, {
      algorithm: 'HS256',
      expiresIn: ttlSeconds,
      ...(this.config.jwtIssuer ? { issuer: this.config.jwtIssuer } : {}),
      ...(this.config.jwtAudience ? { audience: this.config.jwtAudience } : {}),
    });
  }

  fromAuthorizationHeader(header: string | undefined): Principal {
    if (!header) throw new AuthenticationFailed('missing bearer token');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthenticationFailed('malformed authorization header');
    return this.verify(match[1]);
  }

  verify(token: string): Principal {
    const now = Date.now();
    const skew = this.config.jwtClockSkewSeconds * 1000;
    const known = this.verified.get(token);
    if (known && now < known.expires + skew && now >= known.notBefore - skew)
      return known.principal;
    const principal = this.verifyFully(token);
    this.remember(token, principal);
    return principal;
  }

  private remember(token: string, principal: Principal): void {
    const { exp, nbf } = jwt.decode(token) as jwt.JwtPayload;
    if (this.verified.size >= MAX_REMEMBERED)
      this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, expires: exp! * 1000, notBefore: (nbf ?? 0) * 1000 });
  }

  private verifyFully(token: string): Principal {
    let claims: jwt.JwtPayload;
    try {
      const decoded = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        clockTolerance: this.config.jwtClockSkewSeconds,
        ...(this.config.jwtIssuer ? { issuer: this.config.jwtIssuer } : {}),
        ...(this.config.jwtAudience ? { audience: this.config.jwtAudience } : {}),
      });
      if (typeof decoded === 'string')
        throw new AuthenticationFailed('token payload is not an object');
      claims = decoded;
    } catch (error) {
      if (error instanceof AuthenticationFailed) throw error;
      throw new AuthenticationFailed('invalid or expired token');
    }
    if (typeof claims.exp !== 'number') throw new AuthenticationFailed('token has no expiry');
    // an exp of 1e308 would never expire: no token lives longer than AUTH_MAX_TOKEN_TTL_SECONDS
    const latest =
      Date.now() / 1000 + this.config.jwtMaxTtlSeconds + this.config.jwtClockSkewSeconds;
    if (!(claims.exp <= latest)) throw new AuthenticationFailed('token expiry lies too far ahead');
    return principalFromClaims(claims);
  }
}

export function principalFromClaims(claims: jwt.JwtPayload): Principal {
  const { sub, role, regions, agency } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub.length === 0)
    throw new AuthenticationFailed('token has no subject');
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new AuthenticationFailed('token has an unknown role');
  }
  if (!Array.isArray(regions) || regions.some((r) => typeof r !== 'string')) {
    throw new AuthenticationFailed('token regions must be an array of region-code prefixes');
  }
  const prefixes = (regions as string[]).map((r) => (r === '*' ? '' : r));
  if (prefixes.some((r) => r !== '' && !REGION_PREFIX.test(r))) {
    throw new AuthenticationFailed('token regions must be an array of region-code prefixes');
  }
  if (agency !== undefined && typeof agency !== 'string')
    throw new AuthenticationFailed('token agency must be a string');
  return {
    id: sub,
    role: role as RoleName,
    regions: prefixes,
    agency: agency as string | undefined,
  };
}
