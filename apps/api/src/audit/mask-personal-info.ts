import { isPersonGuardian, type CaseEvent, type CaseEventOf, type Guardian } from '@app/domain';
import { maskAll, type Show } from '../personal-data/discloser';

// what cannot be read as a case event is hidden whole rather than guessed at
const HIDDEN = '[已隐藏]';

function showGuardian<G extends Guardian | null>(guardian: G, show: Show): G {
  if (guardian === null || !isPersonGuardian(guardian.kind)) return guardian;
  return { ...guardian, name: show('guardianName', guardian.name) };
}

function showCorrection(data: CaseEventOf<'CaseCorrected'>['data'], show: Show) {
  switch (data.field) {
    case 'name':
    case 'idNumber':
      return { ...data, from: show(data.field, data.from), to: show(data.field, data.to) };
    default:
      return data;
  }
}

function showCaseEvent(event: CaseEvent, show: Show): unknown {
  switch (event.type) {
    case 'ChildIdentified': {
      const { child, guardian } = event.data;
      return {
        ...event.data,
        child: { name: show('name', child.name), idNumber: show('idNumber', child.idNumber) },
        guardian: showGuardian(guardian, show),
      };
    }
    case 'CaseCorrected':
      return showCorrection(event.data, show);
    case 'RevocationPetitioned':
      // a petitioner may be a person (a relative) as well as an organisation
      return {
        ...event.data,
        petitioner:
          event.data.petitioner === null ? null : show('guardianName', event.data.petitioner),
      };
    case 'GuardianshipRevoked':
      return {
        ...event.data,
        revokedGuardian: showGuardian(event.data.revokedGuardian, show),
        newGuardian: showGuardian(event.data.newGuardian, show),
      };
    case 'GuardianAppointed':
      return { ...event.data, newGuardian: showGuardian(event.data.newGuardian, show) };
    case 'GuardianshipRestored':
      return { ...event.data, restoredGuardian: showGuardian(event.data.restoredGuardian, show) };
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
    case 'MonitoringSignalRaised':
    case 'MonitoringSignalResolved':
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
 * are persons shown as the disclosure policy says (`show`; caseHistory: masked for every reader).
 * Whatever does not look like a known case event (a malformed or hand-edited row) is hidden whole.
 */
export function maskEventData(type: string, data: unknown, show: Show = maskAll): unknown {
  try {
    return showCaseEvent({ type, data } as CaseEvent, show);
  } catch {
    return HIDDEN;
  }
}
