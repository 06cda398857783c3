import { PAYMENT_ROLL_STREAM_PREFIX } from '../shared/streams';
import { businessDateOf, firstDayOfMonth, isValidMonth } from '../shared/dates';
import { RollAlreadyIssued, ValidationFailed, type FieldError } from '../shared/errors';
import type { Command } from '../shared/event';
import { isRegionPrefix } from '../region/region-code';
import type { Actor, DateTime, YearMonth } from '../shared/types';
import type { IssuedRoll, PaymentRollEvent, RollLine } from './payment-roll.events';

/** `issuePaymentRoll`: the lines come computed from what is known when it is asked. */
export type IssuePaymentRoll = Command<
  'IssuePaymentRoll',
  { regionCode: string; month: YearMonth; lines: RollLine[] },
  { actor: Actor; now: DateTime }
>;

/** The rolls issued for one month (one stream per month), in order. */
export type PaymentRollState = { issued: IssuedRoll[] };

/** Every roll of a month in one stream, so two overlapping issues cannot both be appended. */
export function paymentRollStreamId(month: YearMonth): string {
  return `${PAYMENT_ROLL_STREAM_PREFIX}${month}`;
}

export function evolvePaymentRoll(
  state: PaymentRollState,
  event: PaymentRollEvent,
): PaymentRollState {
  switch (event.type) {
    case 'PaymentRollIssued': {
      const { regionCode, month, issuedAt } = event.data;
      return { issued: [...state.issued, { regionCode, month, issuedAt }] };
    }
    default: {
      const _exhaustive: never = event.type;
      return state;
    }
  }
}

/**
 * "It freezes what the roll pays for every case in that region prefix for that month." A prefix
 * overlapping one already issued for the month (the same, a longer or a shorter one) covers some
 * of its cases: ROLL_ALREADY_ISSUED. A month that has not begun (China time) cannot be issued.
 */
export function decidePaymentRoll(
  command: IssuePaymentRoll,
  state: PaymentRollState,
): PaymentRollEvent[] {
  const { regionCode, month, lines } = command.data;
  const fields: FieldError[] = [];
  if (!isRegionPrefix(regionCode))
    fields.push({ field: 'regionCode', message: 'must be a 2, 4, 6, 9 or 12 digit region code' });
  if (!isValidMonth(month)) fields.push({ field: 'month', message: 'must be a month YYYY-MM' });
  else if (firstDayOfMonth(month) > businessDateOf(command.now))
    fields.push({ field: 'month', message: 'has not begun yet' });
  if (fields.length > 0) throw new ValidationFailed(fields);
  const overlapping = state.issued.find(
    (r) =>
      r.month === month &&
      (r.regionCode.startsWith(regionCode) || regionCode.startsWith(r.regionCode)),
  );
  if (overlapping) throw new RollAlreadyIssued(month, overlapping.regionCode);
  const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
  return [
    {
      type: 'PaymentRollIssued',
      data: { regionCode, month, issuedAt: command.now, lines, totalFen },
    },
  ];
}

export const paymentRollDecider = {
  initialState: (): PaymentRollState => ({ issued: [] }),
  evolve: evolvePaymentRoll,
  decide: decidePaymentRoll,
};
