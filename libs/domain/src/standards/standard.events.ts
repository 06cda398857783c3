import type { Event } from '../shared/event';
import type { ChildCategory } from '../shared/enums';
import type { BusinessDate, Fen } from '../shared/types';

/** A regional monthly standard for a category from a date on (one stream per prefix + category). */
export type BenefitStandardSet = Event<
  'BenefitStandardSet',
  {
    /** region prefix: 2, 4, 6, 9 or 12 digits */
    regionCode: string;
    category: ChildCategory;
    monthlyAmountFen: Fen;
    effectiveFrom: BusinessDate;
  }
>;

export type StandardEvent = BenefitStandardSet;

/** The plain standard the resolver works on (a BenefitStandardSet's data). */
export type BenefitStandard = BenefitStandardSet['data'];
