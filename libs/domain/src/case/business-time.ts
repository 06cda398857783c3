import { startOfBusinessDay } from '../shared/dates';
import type { DateTime } from '../shared/types';
import type { CaseEvent } from './case.events';

/**
 * When an event happened in the world (its metadata `occurredAt`): the date-time or date it
 * carries. Dates become midnight China time (a court act takes effect on its `effectiveOn`).
 */
export function businessTimeOf(event: CaseEvent): DateTime {
  switch (event.type) {
    case 'ChildIdentified':
      return event.data.identifiedAt;
    case 'RiskAssessed':
      return event.data.assessedAt;
    case 'CategoriesDetermined':
      return event.data.determinedAt;
    case 'ProgrammeEnrolled':
      return startOfBusinessDay(event.data.effectiveFrom);
    case 'ProgrammeEnded':
      return startOfBusinessDay(event.data.effectiveTo);
    case 'EducationRecorded':
      return event.data.recordedAt;
    case 'GraduationRecorded':
      return startOfBusinessDay(event.data.graduatedOn);
    case 'AgedOut':
    case 'ProtectionEnded':
      return startOfBusinessDay(event.data.on);
    case 'ProtectionExtended':
      return startOfBusinessDay(event.data.from);
    case 'GraduationGrantAwarded':
      return startOfBusinessDay(event.data.graduatedOn);
    case 'CaseworkerAssigned':
      return event.data.assignedAt;
    case 'VisitRecorded':
      return event.data.visitedAt;
    case 'CaseTransferred':
      return event.data.transferredAt;
    case 'CaseClosed':
      return event.data.closedAt;
    case 'CaseReopened':
      return event.data.reopenedAt;
    case 'CaseCorrected':
      return event.data.correctedAt;
    case 'PersonalInformationErased':
      return event.data.erasedAt;
    case 'GuardianshipCrisisReported':
      return event.data.reportedAt;
    case 'GuardianUrged':
      return event.data.urgedAt;
    case 'RevocationPetitioned':
    case 'ProcuratorateSupportFiled':
    case 'GuardianshipRevoked':
    case 'GuardianAppointed':
    case 'GuardianshipRestored':
      return startOfBusinessDay(event.data.effectiveOn);
    case 'MonitoringSignalRaised':
      return event.data.raisedAt;
    case 'MonitoringSignalResolved':
      return event.data.resolvedAt;
    default: {
      const _exhaustive: never = event;
      throw new Error('unknown event');
    }
  }
}
