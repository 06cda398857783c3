import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { TokenService } from '@app/runtime/auth/token.service';
import { assertAllowed } from '../cases/command-context';
import { HeavyReads } from './heavy-reads/heavy-reads';
import { ReadConsistency } from './read-consistency';
import { rollExportQuery } from './roll-export-query';

/**
 * GET /exports/payment-roll.csv?regionCode=&month=[&consistentWith=]: the whole roll, for Excel,
 * streamed a slice at a time from the roll worker (a province's roll is tens of thousands of lines).
 */
@Controller('exports')
export class PaymentRollController {
  constructor(
    private readonly tokens: TokenService,
    private readonly consistency: ReadConsistency,
    private readonly heavy: HeavyReads,
  ) {}

  @Get('payment-roll.csv')
  async paymentRoll(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const principal = this.tokens.fromAuthorizationHeader(authorization);
    const { regionCode, month, consistentWith } = rollExportQuery(query);
    assertAllowed(principal, 'paymentRoll', regionCode);
    await this.consistency.ensure(consistentWith);
    const csv = await this.heavy.rollCsv(principal, { regionCode, month });
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="payment-roll-${regionCode}-${month}.csv"`,
      );
    return csv;
  }
}
