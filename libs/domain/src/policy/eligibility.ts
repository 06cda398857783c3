import { CHILD_CATEGORIES, type ChildCategory, type Programme } from '../shared/enums';
import type { CasePolicy } from './case-policy';

// "BASIC_LIVING_ALLOWANCE for orphans and de facto unsupported children" (and the other programmes' lists)
export function isEligibleForProgramme(
  programme: Programme,
  categories: readonly ChildCategory[],
  policy: Pick<CasePolicy, 'eligibility'>,
): boolean {
  const rule = policy.eligibility[programme];
  switch (rule.kind) {
    case 'ANY_CASE':
      return true;
    case 'ANY_CATEGORY':
      return categories.length > 0;
    case 'CATEGORIES':
      return categories.some((c) => rule.categories.includes(c));
  }
}

/** The child's categories that open the programme (e.g. for the basic-living standard). */
export function eligibleCategoriesFor(
  programme: Programme,
  categories: readonly ChildCategory[],
  policy: Pick<CasePolicy, 'eligibility'>,
): ChildCategory[] {
  const rule = policy.eligibility[programme];
  return rule.kind === 'CATEGORIES' ? categories.filter((c) => rule.categories.includes(c)) : [];
}

// "Where a child holds several categories, the highest share applies."
export function medicalCoverageShare(
  categories: readonly ChildCategory[],
  policy: Pick<CasePolicy, 'medicalCoverageSharePercent'>,
): number | null {
  const shares = categories
    .map((c) => policy.medicalCoverageSharePercent[c])
    .filter((s): s is number => s !== undefined);
  return shares.length === 0 ? null : Math.max(...shares);
}

/**
 * The categories some monthly allowance is paid for ("monthly amount by the region's standard"):
 * the only ones a regional standard can be set for.
 */
export function monthlyAllowanceCategories(
  policy: Pick<CasePolicy, 'eligibility' | 'monthlyProgrammes'>,
): ChildCategory[] {
  const all = new Set<ChildCategory>();
  for (const programme of policy.monthlyProgrammes)
    for (const category of eligibleCategoriesFor(programme, CHILD_CATEGORIES, policy))
      all.add(category);
  return CHILD_CATEGORIES.filter((c) => all.has(c));
}
