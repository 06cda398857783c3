import {
  CHILD_CATEGORIES,
  isFen,
  isOneOf,
  isRegionPrefix,
  isValidDate,
  type BenefitStandardSet,
} from '@app/domain';
import type { StandardRow } from '../read-model-store.port';
import type { ProjectedEvent } from './streams';
import { UnhandledEvent } from './unhandled-event';

export const STANDARDS = 'standards';

/** The row of a BenefitStandardSet: pure. Anything else in a standards stream is unhandled. */
export function standardRow(event: ProjectedEvent): StandardRow {
  if (event.type !== 'BenefitStandardSet')
    throw new UnhandledEvent(`unknown standards event type ${event.type}`);
  const data = (event.data ?? {}) as Partial<BenefitStandardSet['data']>;
  const { regionCode, category, monthlyAmountFen, effectiveFrom } = data;
  if (
    !isRegionPrefix(regionCode) ||
    !isOneOf(CHILD_CATEGORIES, category) ||
    !isFen(monthlyAmountFen, 1) ||
    !isValidDate(effectiveFrom)
  )
    throw new UnhandledEvent('BenefitStandardSet with malformed data');
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    regionCode,
    category,
    monthlyAmountFen,
    effectiveFrom,
  };
}
