import type { ChildCategory } from '../shared/enums';
import type { Guardian } from '../case/case.events';

/** The parents as guardians by law: what the file holds while it records no guardian. */
export const PARENTS_BY_LAW: Guardian = Object.freeze({
  kind: 'PARENT',
  name: '父母',
  relation: null,
  byLaw: true,
});

const isOrphan = (categories: readonly ChildCategory[]) => categories.includes('ORPHAN');

// "parents are a child's guardians by law unless the file records otherwise (an orphan has none
// until one is appointed)"
export function guardianByLaw(categories: readonly ChildCategory[]): Guardian | null {
  return isOrphan(categories) ? null : PARENTS_BY_LAW;
}

/**
 * The guardian once the categories are determined again: while none is on record, the one of
 * the law for the new categories; a parent, recorded or by law, is no orphan's guardian.
 */
export function guardianForCategories(
  guardian: Guardian | null,
  onRecord: boolean,
  categories: readonly ChildCategory[],
): Guardian | null {
  if (!onRecord) return guardianByLaw(categories);
  return isOrphan(categories) && guardian?.kind === 'PARENT' ? null : guardian;
}

/** A parent named as an orphan's guardian: the one contradiction a guardian input can hold. */
export function parentOfOrphan(
  guardianKind: unknown,
  categories: readonly ChildCategory[],
): boolean {
  return guardianKind === 'PARENT' && isOrphan(categories);
}
