import type { Event } from '../shared/event';
import type { PaymentReason, Programme } from '../shared/enums';
import type { DateTime, Fen, YearMonth } from '../shared/types';

/** One payment of a roll: for a case, a programme, the month the money is for. */
export type RollLine = {
  caseId: string;
  /** the case's village on the first day of the roll's month */
  regionCode: string;
  programme: Programme;
  reason: PaymentReason;
  forMonth: YearMonth;
  /** negative for a CLAWBACK */
  amountFen: Fen;
};

/**
 * A month's roll frozen for a region prefix: what it pays, line by line, never changes. Facts
 * recorded later that change what a case was owed for an issued month become ARREARS or CLAWBACK
 * lines of the case's first roll not issued yet.
 */
export type PaymentRollIssued = Event<
  'PaymentRollIssued',
  {
    regionCode: string;
    month: YearMonth;
    issuedAt: DateTime;
    lines: RollLine[];
    totalFen: Fen;
  }
>;

export type PaymentRollEvent = PaymentRollIssued;

/** An issued roll without its lines. */
export type IssuedRoll = Pick<PaymentRollIssued['data'], 'regionCode' | 'month' | 'issuedAt'>;
