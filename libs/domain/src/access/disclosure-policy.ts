import type { Role } from '../shared/enums';
import type { GuardianKind } from '../shared/enums';
import { maskIdNumber } from '../identity/id-number';
import { regionInScope } from '../region/region-code';

/**
 * The one disclosure policy for personal information, by role and field, applied by every read
 * path (`case`, `cases`, `caseAsOf`, `caseHistory`, the payment-roll CSV): docs/personal-data.md.
 *
 * - FULL: the value itself. Only inside the reader's regions, and every such read is written to
 *   the access log before the answer leaves the server.
 * - MASKED: the masked form (`maskName`, `maskIdNumber`); never logged, since it discloses nothing
 *   that narrows the ID number below 1,000 numbers nor the name below its family.
 */
export type Disclosure = 'FULL' | 'MASKED';

/** Personal information of a case, as the access log names it. */
export const PERSONAL_INFO_FIELDS = ['name', 'idNumber', 'guardianName'] as const;
export type PersonalInfoField = (typeof PERSONAL_INFO_FIELDS)[number];

/**
 * Where a read goes. `record`: the case as it stands or stood (`case`, `cases`, `caseAsOf`);
 * `history`: the events of `caseHistory`, read whole by auditors; `export`: files that leave the
 * system (the payment-roll CSV). History and exports never carry a value in full, for anyone:
 * whoever is entitled reads it through the case, where the read is logged.
 */
export type ReadChannel = 'record' | 'history' | 'export';
const FULL_CHANNELS: readonly ReadChannel[] = ['record'];

// "Child directors find children, visit them, keep their file"; supervisors, civil affairs and
// admins act on the case: they need the child and the guardian by name. Auditors "read history
// only": who did what, never whom. Courts and procuratorates read no case at all.
const FIELD_WORKERS = { name: 'FULL', idNumber: 'FULL', guardianName: 'FULL' } as const;
const MASKED_ONLY = { name: 'MASKED', idNumber: 'MASKED', guardianName: 'MASKED' } as const;

export const DISCLOSURE_POLICY: Readonly<
  Record<Role, Readonly<Record<PersonalInfoField, Disclosure>>>
> = {
  CHILD_DIRECTOR: FIELD_WORKERS,
  SUPERVISOR: FIELD_WORKERS,
  CIVIL_AFFAIRS: FIELD_WORKERS,
  ADMIN: FIELD_WORKERS,
  AUDITOR: MASKED_ONLY,
  COURT: MASKED_ONLY,
  PROCURATORATE: MASKED_ONLY,
};

/** The roles that may read the child's name and ID number in full (inside their regions). */
export const PERSONAL_INFO_ROLES: readonly Role[] = (
  Object.keys(DISCLOSURE_POLICY) as Role[]
).filter((role) => DISCLOSURE_POLICY[role].name === 'FULL');

export interface Reader {
  role: Role;
  regions: readonly string[];
}

/** What `reader` gets of `field` of a case in `caseRegionCode`, through `channel`. */
export function disclosureOf(
  reader: Reader,
  field: PersonalInfoField,
  caseRegionCode: string,
  channel: ReadChannel = 'record',
): Disclosure {
  if (DISCLOSURE_POLICY[reader.role][field] !== 'FULL') return 'MASKED';
  if (!FULL_CHANNELS.includes(channel)) return 'MASKED';
  return regionInScope(reader.regions, caseRegionCode) ? 'FULL' : 'MASKED';
}

/** May this reader see the child's name and ID number in a case of that region? */
export function maySeePersonalInfo(reader: Reader, caseRegionCode: string): boolean {
  return disclosureOf(reader, 'name', caseRegionCode) === 'FULL';
}

const HIDDEN = '[已隐藏]';

/** A name masked: '*' and its last character, so a correction still reads as one. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length === 0 ? HIDDEN : `*${chars[chars.length - 1]}`;
}

// the state and its institutions are not persons: whoever reads the case needs to know which one
const INSTITUTIONS: readonly GuardianKind[] = ['CIVIL_AFFAIRS', 'WELFARE_INSTITUTION'];

/** Is a guardian of this kind a person, whose name is personal information? */
export const isPersonGuardian = (kind: GuardianKind): boolean => !INSTITUTIONS.includes(kind);

/** The masked form of a value of `field`. */
export function maskedValue(field: PersonalInfoField, value: string): string {
  return field === 'idNumber' ? maskIdNumber(value) : maskName(value);
}

/** The value as `disclosure` lets it be shown. */
export function disclosedValue(
  field: PersonalInfoField,
  value: string,
  disclosure: Disclosure,
): string {
  return disclosure === 'FULL' ? value : maskedValue(field, value);
}
