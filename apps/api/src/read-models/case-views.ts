import type { CasePolicy, StandardLookup } from '@app/domain';
import type { CaseSnapshot } from '@app/read-models';
import { toCaseView } from '../cases/case-view';
import type { Case } from '../cases/graphql/case.types';

/**
 * The GraphQL Case of a folded case as in force on a business day (status, categories, guardian,
 * programmes with their amounts, all from the timeline), worked out once per read, day and
 * standards: a case the CaseReadCache holds is shaped again only when the day turns or the
 * standards are read again (any checkpoint move). Keyed by the read itself, so a shape lives as
 * long as the cache keeps its read and no longer.
 */
export class CaseViews {
  private readonly shaped = new WeakMap<
    CaseSnapshot,
    { today: string; lookup: StandardLookup; view: Case }
  >();

  /** `policy`: the configured one (CASE_POLICY), as the projections use */
  constructor(private readonly policy: CasePolicy) {}

  /** The answer is shared between requests: nothing downstream may change it. */
  of(found: CaseSnapshot, today: string, lookup: StandardLookup): Case {
    const known = this.shaped.get(found);
    if (known?.today === today && known.lookup === lookup) return known.view;
    const view = toCaseView(found.state, found.revision, lookup, today, this.policy);
    this.shaped.set(found, { today, lookup, view });
    return view;
  }
}
