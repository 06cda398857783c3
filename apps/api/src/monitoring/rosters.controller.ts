import {
  Controller,
  Headers,
  HttpCode,
  HttpException,
  Inject,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { TokenService } from '@app/runtime/auth/token.service';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { STREAMED_BODY } from './roster-body';
import { parseRosterQuery } from './roster-query';
import { RosterImportService, type RosterImportAnswer } from './roster-import.service';

/**
 * POST /monitoring/v1/rosters?kind=&asOf=[&complete=true][&regionCode=]: a department's roster
 * (text/csv, UTF-8) streamed in and matched as it arrives (docs/monitoring.md).
 */
@Controller('monitoring/v1/rosters')
export class RostersController {
  constructor(
    private readonly tokens: TokenService,
    private readonly imports: RosterImportService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @RouteConfig(STREAMED_BODY)
  async importRoster(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
  ): Promise<RosterImportAnswer> {
    const principal = this.tokens.fromAuthorizationHeader(authorization);
    const params = parseRosterQuery(query, this.clock.now());
    if (!(request.body instanceof Readable))
      throw new HttpException('send the roster as text/csv (UTF-8)', 415);
    const body = request.body;
    try {
      return await this.imports.run(params, body, {
        principal,
        correlationId: String(request.id),
      });
    } catch (error) {
      const status = (error as { statusCode?: unknown })?.statusCode;
      if (status === 413) throw new HttpException((error as Error).message, 413);
      throw error;
    } finally {
      // what a refusal left unread is discarded (under the body limit) so the answer reaches the client
      body.resume();
    }
  }
}
