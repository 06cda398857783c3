import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isRegionPrefix, isValidMonth, MESSAGES } from '@app/domain';
import { ReadModelQueries } from '@app/read-models';
import { TokenService } from '../auth/token.service';
import { BadUserInput, type FieldError } from '../errors/app-errors';
import { paymentRollOf } from './benefits.resolver';
import { paymentRollCsv } from './payment-roll.csv';
import { ReadConsistency } from './read-consistency';

/** GET /exports/payment-roll.csv?regionCode=&month=[&consistentWith=]: the roll, for Excel. */
@Controller('exports')
export class PaymentRollController {
  constructor(
    private readonly tokens: TokenService,
    private readonly queries: ReadModelQueries,
    private readonly consistency: ReadConsistency,
  ) {}

  @Get('payment-roll.csv')
  async paymentRoll(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const principal = this.tokens.fromAuthorizationHeader(authorization);
    const { regionCode, month, consistentWith } = query;
    const bad: FieldError[] = [];
    if (!isRegionPrefix(regionCode))
      bad.push({ field: 'regionCode', message: MESSAGES.regionPrefix });
    if (!isValidMonth(month)) bad.push({ field: 'month', message: MESSAGES.month });
    if (consistentWith !== undefined && typeof consistentWith !== 'string')
      bad.push({ field: 'consistentWith', message: MESSAGES.position });
    if (bad.length > 0) throw new BadUserInput(bad);
    const roll = await paymentRollOf(
      this.queries,
      this.consistency,
      principal,
      regionCode as string,
      month as string,
      consistentWith as string | undefined,
    );
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="payment-roll-${regionCode}-${month}.csv"`,
      );
    return paymentRollCsv(roll);
  }
}
