import { formatYuan, MESSAGES, type StandardLookup } from '@app/domain';
import type { PaymentRolls, RollAnswer } from '@app/read-models';
import type { Principal } from '../auth/principal';
import { assertAllowed } from '../cases/command-context';
import { BadUserInput } from '../errors/app-errors';
import type { PaymentRoll } from './graphql/read-model.types';
import type { ReadConsistency } from './read-consistency';

export type RollRequest = {
  regionCode: string;
  month: string;
  knownAt?: string | null;
  consistentWith?: string | null;
};

/** The roll as GraphQL and the CSV export show it (same authorisation, same figures). */
export async function paymentRollOf(
  rolls: PaymentRolls,
  consistency: ReadConsistency,
  principal: Principal,
  standards: () => Promise<StandardLookup>,
  { regionCode, month, knownAt, consistentWith }: RollRequest,
  now: Date,
): Promise<PaymentRoll> {
  assertAllowed(principal, 'paymentRoll', regionCode);
  // what the system knew at a moment that has not come has no answer yet (as caseAsOf)
  if (knownAt && Date.parse(knownAt) > now.getTime())
    throw new BadUserInput([{ field: 'knownAt', message: MESSAGES.notInFuture }]);
  await consistency.ensure(consistentWith);
  const roll = await rolls.roll(regionCode, month, { standards: await standards(), knownAt });
  return toPaymentRoll(roll);
}

export function toPaymentRoll(roll: RollAnswer): PaymentRoll {
  return {
    regionCode: roll.regionCode,
    month: roll.month,
    issued: roll.issued !== null,
    issuedAt: roll.issued?.issuedAt ?? null,
    count: roll.lines.length,
    children: roll.children,
    total: formatYuan(roll.totalFen),
    lines: roll.lines.map((l) => ({
      caseId: l.caseId,
      regionCode: l.regionCode,
      programme: l.programme,
      amount: formatYuan(l.amountFen),
      reason: l.reason,
      forMonth: l.forMonth,
    })),
  };
}
