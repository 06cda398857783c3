import { Module } from '@nestjs/common';
import { HeavyTurns } from '../graphql/limits/heavy-turns';
import { RateLimits } from './rate-limits';
import { TokenService } from '@app/runtime/auth/token.service';

/** Who is calling (the verified token) and how much that caller may do (rate limits, heavy turns). */
@Module({
  providers: [TokenService, RateLimits, HeavyTurns],
  exports: [TokenService, RateLimits, HeavyTurns],
})
export class AuthModule {}
