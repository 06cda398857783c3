import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { isRegionPrefix, isValidMonth, MESSAGES } from '@app/domain';
import { PaymentRolls } from '@app/read-models';
import { TokenService } from '../auth/token.service';
import { BadUserInput, type FieldError } from '../errors/app-errors';
import { isDateTimeWithOffset } from '../graphql/scalars';
import { paymentRollCsv } from './payment-roll.csv';
import { paymentRollOf } from './payment-roll.view';
import { ReadConsistency } from './read-consistency';
import { RequestReadsProvider } from './request-reads';

/** GET /exports/payment-roll.csv?regionCode=&month=[&knownAt=][&consistentWith=]: the roll, for Excel. */
@Controller('exports')
export class PaymentRollController {
  constructor(
    private readonly tokens: TokenService,
    private readonly rolls: PaymentRolls,
    private readonly consistency: ReadConsistency,
    private readonly reads: RequestReadsProvider,
  ) {}

  @Get('payment-roll.csv')
  async paymentRoll(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const principal = this.tokens.fromAuthorizationHeader(authorization);
    const { regionCode, month, knownAt, consistentWith } = query;
    const bad: FieldError[] = [];
    if (!isRegionPrefix(regionCode))
      bad.push({ field: 'regionCode', message: MESSAGES.regionPrefix });
    if (!isValidMonth(month)) bad.push({ field: 'month', message: MESSAGES.month });
    if (knownAt !== undefined && (typeof knownAt !== 'string' || !isDateTimeWithOffset(knownAt)))
      bad.push({ field: 'knownAt', message: MESSAGES.dateTime });
    if (consistentWith !== undefined && typeof consistentWith !== 'string')
      bad.push({ field: 'consistentWith', message: MESSAGES.position });
    if (bad.length > 0) throw new BadUserInput(bad);
    const roll = await paymentRollOf(
      this.rolls,
      this.consistency,
      principal,
      () => this.reads.standardLookup(),
      {
        regionCode: regionCode as string,
        month: month as string,
        knownAt: knownAt as string | undefined,
        consistentWith: consistentWith as string | undefined,
      },
      this.reads.now(),
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
