import { Inject, Injectable } from '@nestjs/common';
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

/** Verifies HS256 bearer tokens and turns their claims into a Principal. */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  sign(
    claims: { sub: string; role: RoleName; regions: string[]; agency?: string },
    ttlSeconds = 8 * 3600,
  ): string {
    return jwt.sign(claims, this.config.jwtSecret, {
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
    let claims: jwt.JwtPayload;
    try {
      const decoded = jwt.verify(token, this.config.jwtSecret, {
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
