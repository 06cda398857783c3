import {
  categoryPeriods,
  mayBeOwed,
  regionPeriods,
  statusPeriods,
  timelineOf,
  type CasePolicy,
} from '@app/domain';
import type { CaseRecord, CaseSnapshot } from '../read-model-store.port';

export const BENEFITS = 'benefits';

/**
 * The dated rows of a case, from its timeline: status, categories and village period by period,
 * so SQL can ask what held on any day (today's status needs no review to have run). Amounts are
 * not stored: every answer asks the timeline with the standards in force when asked. Pure.
 */
export function timelineRows(
  { state }: CaseSnapshot,
  policy: CasePolicy,
): Pick<CaseRecord, 'statuses' | 'categories' | 'regions'> {
  const caseId = state.id;
  const t = timelineOf(state, policy);
  const pays = mayBeOwed(t);
  return {
    statuses: statusPeriods(t).map((p, seq) => ({ caseId, seq, ...p })),
    categories: categoryPeriods(t).map((p, seq) => ({
      caseId,
      seq,
      from: p.from,
      to: p.to,
      categories: [...p.categories],
    })),
    regions: regionPeriods(t).map((p, seq) => ({ caseId, seq, ...p, pays })),
  };
}
