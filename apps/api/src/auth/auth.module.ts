import { Module } from '@nestjs/common';
import { RateLimits } from '../http/rate-limits';
import { TokenService } from './token.service';

/** Who is calling (the verified token) and how much that caller may still do (rate limits). */
@Module({ providers: [TokenService, RateLimits], exports: [TokenService, RateLimits] })
export class AuthModule {}
