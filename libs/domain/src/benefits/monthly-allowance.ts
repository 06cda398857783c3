import type { ChildCategory, Programme } from '../shared/enums';
import type { BusinessDate, Fen } from '../shared/types';
import type { CasePolicy } from '../policy/case-policy';
import { eligibleCategoriesFor } from '../policy/eligibility';
import type { StandardLookup } from '../standards/standard-in-force';

export type Allowance = { amountFen: Fen; category: ChildCategory };

// "a child holding two eligible categories gets the higher standard, once"
export function monthlyAllowanceFen(
  child: { regionCode: string; categories: readonly ChildCategory[] },
  date: BusinessDate,
  lookup: StandardLookup,
  programme: Programme,
  policy: Pick<CasePolicy, 'eligibility'>,
): Allowance | null {
  let best: Allowance | null = null;
  for (const category of eligibleCategoriesFor(programme, child.categories, policy)) {
    const amountFen = lookup(child.regionCode, category, date);
    if (amountFen !== null && (best === null || amountFen > best.amountFen))
      best = { amountFen, category };
  }
  return best;
}
