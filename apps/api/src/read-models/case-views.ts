import { DEFAULT_POLICY, type StandardLookup } from '@app/domain';
import { enrolmentViews, type CaseWithProgrammes } from '@app/read-models';
import type { Case } from '../cases/graphql/case.types';
import { caseOfRow, entitlementOf } from './case-of-row';

/**
 * The GraphQL Case of a case read with its programmes, amounts included, worked out once per
 * read, business day and standards: a case the CaseReadCache holds is shaped again only when the
 * day turns or the standards are read again (any checkpoint move). Keyed by the read itself, so
 * a shape lives as long as the cache keeps its read and no longer.
 */
export class CaseViews {
  private readonly shaped = new WeakMap<
    CaseWithProgrammes,
    { today: string; lookup: StandardLookup; view: Case }
  >();

  /** The answer is shared between requests: nothing downstream may change it. */
  of(found: CaseWithProgrammes, today: string, lookup: StandardLookup): Case {
    const known = this.shaped.get(found);
    if (known?.today === today && known.lookup === lookup) return known.view;
    const view: Case = {
      ...caseOfRow(found.row),
      programmes: enrolmentViews(found.row, found.programmes, today, lookup, DEFAULT_POLICY).map(
        entitlementOf,
      ),
    };
    this.shaped.set(found, { today, lookup, view });
    return view;
  }
}
