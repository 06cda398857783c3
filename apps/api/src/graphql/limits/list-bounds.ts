import { CHILD_CATEGORIES, RISK_LEVELS, ROSTER_KINDS } from '@app/domain';

/**
 * How many items each list field of the schema can hold, for the query cost. A field that takes
 * `first` is bounded by it (or by the argument's default, or by GRAPHQL_MAX_PAGE_SIZE when it has
 * none) and needs no entry; the `edges` of a connection are bounded by their parent's `first`.
 * A list field that is in neither group is costed at GRAPHQL_MAX_PAGE_SIZE items, and
 * `list-bounds.spec.ts` fails until it has an entry here, so that a new list gets a decision.
 */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  'Case.categories': CHILD_CATEGORIES.length,
  // each roster kind at most once
  'IdentificationCandidate.rosterKinds': ROSTER_KINDS.length,
  'Caseload.byRisk': RISK_LEVELS.length,
  'Caseload.byCategory': CHILD_CATEGORIES.length,
  /** name, idNumber */
  'AccessLogEntry.fields': 2,
  /**
   * Enrolments of one case: at most one running per programme (8), ended ones and one-off
   * temporary assistance add to them. Not a hard bound: a case with more is answered in full.
   */
  'Case.programmes': 20,
  /** the programmes in force on a date: at most one per programme, plus that day's one-offs */
  'Query.benefits': 20,
  /** court and procuratorate acts of one case: a handful; not a hard bound */
  'Case.guardianshipActs': 20,
  /**
   * standards bearing on the reader's regions: categories with a monthly standard times the
   * dates they were raised, for the prefixes above and below; not a hard bound
   */
  'Query.benefitStandards': 200,
  /** the forecast's `months` argument is 1 to 60 */
  'PaymentForecast.months': 60,
};

/** Fields whose list is the page their parent field already counted (Relay connections). */
export function isPageOfParent(typeName: string, fieldName: string): boolean {
  return typeName.endsWith('Connection') && (fieldName === 'edges' || fieldName === 'nodes');
}
