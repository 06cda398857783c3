import {
  disclosedValue,
  disclosureOf,
  type PersonalInfoField,
  type ReadChannel,
  type Reader,
} from '@app/domain';
import type { PersonalInfoReads } from '../audit/access-log/personal-info-reads';

/**
 * Shows one personal value of a case as the policy lets its reader see it; an erased value
 * (erasePersonalInformation) stays null, and reading it is no read of personal information.
 */
export interface Show {
  (field: PersonalInfoField, value: string): string;
  (field: PersonalInfoField, value: string | null): string | null;
}

/**
 * The disclosure policy applied to one case for one reader: a value disclosed in full is added to
 * the operation's reads (written to the access log before the answer leaves); a channel that has
 * no access log to write to (`reads` null) may never disclose in full, and says so loudly.
 */
export function discloser(
  reader: Reader,
  caseId: string,
  caseRegionCode: string,
  channel: ReadChannel,
  reads: PersonalInfoReads | null,
): Show {
  return ((field: PersonalInfoField, value: string | null) => {
    if (value === null) return null;
    const disclosure = disclosureOf(reader, field, caseRegionCode, channel);
    if (disclosure === 'FULL') {
      if (reads === null) throw new Error(`a full ${field} through ${channel} must be logged`);
      reads.add(caseId, field);
    }
    return disclosedValue(field, value, disclosure);
  }) as Show;
}

/** What every reader gets through a channel that never discloses in full. */
export const maskAll = ((field: PersonalInfoField, value: string | null) =>
  value === null ? null : disclosedValue(field, value, 'MASKED')) as Show;
