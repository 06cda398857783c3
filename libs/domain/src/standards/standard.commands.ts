import type { Command } from '../shared/event';
import type { ChildCategory } from '../shared/enums';
import type { Actor, BusinessDate, DateTime, Fen } from '../shared/types';

export type StandardCommandBase = { actor: Actor; now: DateTime };

/** `setBenefitStandard`; the GraphQL `monthlyAmount` arrives here in fen. */
export type SetBenefitStandard = Command<
  'SetBenefitStandard',
  {
    regionCode: string;
    category: ChildCategory;
    monthlyAmountFen: Fen;
    effectiveFrom: BusinessDate;
  },
  StandardCommandBase
>;

export type StandardCommand = SetBenefitStandard;
