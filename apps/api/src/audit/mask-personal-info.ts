import {
  maskIdNumber,
  type CaseEvent,
  type CaseEventOf,
  type Guardian,
  type GuardianKind,
} from '@app/domain';

// Auditors see who did what and when, never the child's name or ID number (CONTRACT.md).
const HIDDEN = '[已隐藏]';

/** A name as history shows it: '*' and its last character, so a correction still reads as one. */
export function maskName(name: string | null): string | null {
  if (name === null) return null;
  const chars = Array.from(name.trim());
  return chars.length === 0 ? HIDDEN : `*${chars[chars.length - 1]}`;
}

// the state and its institutions are not persons: the auditor needs to know which one
const INSTITUTIONS: readonly GuardianKind[] = ['CIVIL_AFFAIRS', 'WELFARE_INSTITUTION'];

function maskGuardian<G extends Guardian | null>(guardian: G): G {
  if (guardian === null || INSTITUTIONS.includes(guardian.kind)) return guardian;
  return { ...guardian, name: maskName(guardian.name) };
}

const maskNumber = (idNumber: string | null) => (idNumber === null ? null : maskIdNumber(idNumber));

function maskCorrection(data: CaseEventOf<'CaseCorrected'>['data']) {
  switch (data.field) {
    case 'name':
      return { ...data, from: maskName(data.from), to: maskName(data.to) };
    case 'idNumber':
      return { ...data, from: maskNumber(data.from), to: maskNumber(data.to) };
    default:
      return data;
  }
}

function maskCaseEvent(event: CaseEvent): unknown {
  switch (event.type) {
    case 'ChildIdentified': {
      const { child, guardian } = event.data;
      return {
        ...event.data,
        child: { name: maskName(child.name), idNumber: maskNumber(child.idNumber) },
        guardian: maskGuardian(guardian),
      };
    }
    case 'CaseCorrected':
      return maskCorrection(event.data);
    case 'RevocationPetitioned':
      // a petitioner may be a person (a relative) as well as an organisation
      return {
        ...event.data,
        petitioner: event.data.petitioner === null ? null : maskName(event.data.petitioner),
      };
    case 'GuardianshipRevoked':
      return {
        ...event.data,
        revokedGuardian: maskGuardian(event.data.revokedGuardian),
        newGuardian: maskGuardian(event.data.newGuardian),
      };
    case 'GuardianAppointed':
      return { ...event.data, newGuardian: maskGuardian(event.data.newGuardian) };
    case 'GuardianshipRestored':
      return { ...event.data, restoredGuardian: maskGuardian(event.data.restoredGuardian) };
    case 'RiskAssessed':
    case 'CategoriesDetermined':
    case 'ProgrammeEnrolled':
    case 'ProgrammeEnded':
    case 'EducationRecorded':
    case 'GraduationRecorded':
    case 'AgedOut':
    case 'ProtectionExtended':
    case 'ProtectionEnded':
    case 'GraduationGrantAwarded':
    case 'CaseworkerAssigned':
    case 'VisitRecorded':
    case 'CaseTransferred':
    case 'CaseClosed':
    case 'CaseReopened':
    case 'GuardianshipCrisisReported':
    case 'GuardianUrged':
    case 'ProcuratorateSupportFiled':
    case 'PersonalInformationErased':
      return event.data;
    default: {
      const _exhaustive: never = event;
      return HIDDEN;
    }
  }
}

/**
 * The data of a stored event with the child's name and ID number and the names of guardians who
 * are persons masked, for every reader. Whatever does not look like a known case event (a malformed
 * or hand-edited row) is hidden whole rather than guessed at.
 */
export function maskEventData(type: string, data: unknown): unknown {
  try {
    return maskCaseEvent({ type, data } as CaseEvent);
  } catch {
    return HIDDEN;
  }
}
