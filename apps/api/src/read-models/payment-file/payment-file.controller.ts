import { Readable } from 'node:stream';
import { Controller, Get, Headers, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mayTakePaymentFile } from '@app/domain';
import { AccessLog } from '../../audit/access-log/access-log.service';
import type { Principal } from '@app/runtime/auth/principal';
import { TokenService } from '@app/runtime/auth/token.service';
import { assertAllowed } from '../../cases/command-context';
import { Forbidden } from '@app/runtime/errors/app-errors';
import { HeavyReads } from '../heavy-reads/heavy-reads';
import type { PaymentFileLine } from '../heavy-reads/roll-worker-protocol';
import { ReadConsistency } from '../read-consistency';
import { rollExportQuery, type RollExportQuery } from '../roll-export-query';
import { paymentFileTotal } from './payment-file.columns';
import { paymentFileCsv } from './payment-file.csv';
import { paymentFileXlsx, type PaymentFileSummary } from './payment-file.xlsx';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * GET /exports/payment-file.csv and /exports/payment-file.xlsx?regionCode=&month=[&consistentWith=]:
 * the roll as the payment office pays it, with each child's name and ID number (CIVIL_AFFAIRS in
 * its regions only). Streamed a slice at a time from the roll worker; every child of a slice is
 * written to the access log before the slice leaves the server, so a download cut short logs what
 * was sent and no more. See docs/exports.md.
 */
@Controller('exports')
export class PaymentFileController {
  constructor(
    private readonly tokens: TokenService,
    private readonly consistency: ReadConsistency,
    private readonly heavy: HeavyReads,
    private readonly accessLog: AccessLog,
  ) {}

  @Get('payment-file.csv')
  async csv(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const { principal, roll, summary, slices } = await this.open(authorization, query);
    const log = this.logger(principal, request.id);
    async function* csv() {
      yield paymentFileCsv.head();
      for await (const lines of slices) {
        await log(lines);
        yield paymentFileCsv.lines(lines);
      }
      yield paymentFileCsv.total(paymentFileTotal({ ...roll, ...summary }));
    }
    this.attachment(reply, 'text/csv; charset=utf-8', roll, 'csv');
    return Readable.from(csv());
  }

  @Get('payment-file.xlsx')
  async xlsx(
    @Headers('authorization') authorization: string | undefined,
    @Query() query: Record<string, unknown>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const { principal, roll, summary, slices } = await this.open(authorization, query);
    const about: PaymentFileSummary = {
      ...roll,
      ...summary,
      issuedAt: summary.issued?.issuedAt ?? null,
      total: paymentFileTotal({ ...roll, ...summary }),
    };
    this.attachment(reply, XLSX, roll, 'xlsx');
    return paymentFileXlsx(about, slices, this.logger(principal, request.id));
  }

  /** Who may take it, checked before anything is read; then the roll's first slice. */
  private async open(authorization: string | undefined, query: Record<string, unknown>) {
    const principal = this.tokens.fromAuthorizationHeader(authorization);
    const { regionCode, month, consistentWith } = rollExportQuery(query);
    assertAllowed(principal, 'paymentFile', regionCode);
    await this.consistency.ensure(consistentWith);
    const roll = { regionCode, month };
    const { summary, slices } = await this.heavy.paymentFileSlices(principal, roll);
    return { principal, roll, summary, slices };
  }

  /** Each child of a slice to the access log (name and ID number), before the slice is sent. */
  private logger(principal: Principal, correlationId: string) {
    return async (lines: readonly PaymentFileLine[]): Promise<void> => {
      // the lines are the villages under the roll's prefix; the policy is asked of each all the same
      for (const line of lines)
        if (!mayTakePaymentFile(principal, line.regionCode))
          throw new Forbidden('not entitled to personal information');
      const reads = lines.map((l) => ({ caseId: l.caseId, fields: ['name', 'idNumber'] as const }));
      if (reads.length > 0) await this.accessLog.record(principal, reads, { correlationId });
    };
  }

  private attachment(
    reply: FastifyReply,
    type: string,
    roll: Pick<RollExportQuery, 'regionCode' | 'month'>,
    ext: 'csv' | 'xlsx',
  ): void {
    reply
      .header('content-type', type)
      .header(
        'content-disposition',
        `attachment; filename="payment-file-${roll.regionCode}-${roll.month}.${ext}"`,
      )
      .header('cache-control', 'no-store');
  }
}
