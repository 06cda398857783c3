import type { ChildCategory } from '../shared/enums';
import type { BusinessDate, Fen } from '../shared/types';
import type { BenefitStandard } from './standard.events';

// "each standard has an effective date and a payment month uses the one in force then"
// Among standards with effectiveFrom <= date: the longest matching region prefix, then the latest
// effectiveFrom; for the same prefix and date, the one set last (later in the array) wins.
export function standardInForce(
  standards: readonly BenefitStandard[],
  regionCode: string,
  category: ChildCategory,
  date: BusinessDate,
): BenefitStandard | null {
  let best: BenefitStandard | null = null;
  for (const s of standards) {
    if (s.category !== category || s.effectiveFrom > date || !regionCode.startsWith(s.regionCode))
      continue;
    if (
      best === null ||
      s.regionCode.length > best.regionCode.length ||
      (s.regionCode.length === best.regionCode.length && s.effectiveFrom >= best.effectiveFrom)
    )
      best = s;
  }
  return best;
}

/** Monthly amount in fen of the standard in force, or null where none is set. */
export type StandardLookup = (
  regionCode: string,
  category: ChildCategory,
  date: BusinessDate,
) => Fen | null;

/** A StandardLookup over a plain list of standards (every region and category mixed). */
export function standardLookupFrom(standards: readonly BenefitStandard[]): StandardLookup {
  return (regionCode, category, date) =>
    standardInForce(standards, regionCode, category, date)?.monthlyAmountFen ?? null;
}

/** A hypothetical standard of a forecast: for every region, from its date on. */
export type StandardOverride = {
  category: ChildCategory;
  monthlyAmountFen: Fen;
  effectiveFrom: BusinessDate;
};

/**
 * `lookup` with the overrides winning over it from their date on ("price a rise before deciding
 * it"): the latest override in force for the category, whatever the region, else the lookup's.
 */
export function withOverrides(
  lookup: StandardLookup,
  overrides: readonly StandardOverride[],
): StandardLookup {
  if (overrides.length === 0) return lookup;
  return (regionCode, category, date) => {
    let best: StandardOverride | null = null;
    for (const o of overrides)
      if (
        o.category === category &&
        o.effectiveFrom <= date &&
        (best === null || o.effectiveFrom >= best.effectiveFrom)
      )
        best = o;
    return best?.monthlyAmountFen ?? lookup(regionCode, category, date);
  };
}
