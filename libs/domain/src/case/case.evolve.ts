import { businessDateOf } from '../shared/dates';
import { eighteenthBirthday } from '../policy/age';
import { DEFAULT_POLICY } from '../policy/case-policy';
import type { CaseEvent, Guardian } from './case.events';
import type { CaseFile, CaseState } from './case.state';
import { withStatus } from './case-status';
import { evolveGuardianship } from '../guardianship/guardianship.evolve';
import { guardianByLaw, guardianForCategories } from '../guardianship/guardian-by-law';
import { evolveHistory, initialHistory } from './case-history';
import { evolveSignals } from '../monitoring/signals';
import { erasedFile } from '../personal/erase-personal-information';

/** Folds one event into the case. Pure; every event type is handled (see `_exhaustive`). */
export function evolve(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'ChildIdentified') return withStatus(identified(event.data));
  if (state.status === 'NONE') return state;
  return withStatus(withHistory(evolveFile(state, event), event));
}

/** The dated history follows every event (the timeline reads it). */
function withHistory(file: CaseFile, event: CaseEvent): CaseFile {
  const history = evolveHistory(file.history, event);
  return history === file.history ? file : { ...file, history };
}

function evolveFile(file: CaseFile, event: CaseEvent): CaseFile {
  switch (event.type) {
    case 'ChildIdentified':
      return identified(event.data);
    case 'RiskAssessed': {
      const { guardianshipRisk, livingRisk, behaviourRisk, level, assessedAt } = event.data;
      return {
        ...file,
        riskLevel: level,
        scores: { guardianshipRisk, livingRisk, behaviourRisk },
        assessedAt,
      };
    }
    case 'CategoriesDetermined': {
      const categories = [...event.data.categories];
      return {
        ...file,
        categories,
        guardian: guardianForCategories(file.guardian, file.guardianOnRecord, categories),
        categoryRedeterminationNeeded: false,
      };
    }
    case 'ProgrammeEnrolled': {
      const { programme, effectiveFrom, fastTrack, amountFen, coverageSharePercent } = event.data;
      const oneOff = amountFen !== undefined;
      return {
        ...file,
        programmes: [
          ...file.programmes,
          {
            programme,
            from: effectiveFrom,
            to: oneOff ? effectiveFrom : null,
            fastTrack,
            amountFen: amountFen ?? null,
            coverageSharePercent: coverageSharePercent ?? null,
            oneOff,
            endReason: null,
          },
        ],
      };
    }
    case 'ProgrammeEnded': {
      const { programme, effectiveTo, reason } = event.data;
      const index = file.programmes.findLastIndex(
        (p) => p.programme === programme && !p.oneOff && p.to === null,
      );
      if (index < 0) return file;
      const programmes = [...file.programmes];
      programmes[index] = { ...programmes[index], to: effectiveTo, endReason: reason };
      return { ...file, programmes };
    }
    case 'EducationRecorded': {
      const { level, fullTime, expectedGraduation, recordedAt } = event.data;
      const previous = file.education;
      const retakeStartedOn =
        level !== 'GAOKAO_RETAKE'
          ? null
          : previous?.level === 'GAOKAO_RETAKE'
            ? previous.retakeStartedOn
            : businessDateOf(recordedAt);
      return {
        ...file,
        education: { level, fullTime, expectedGraduation, recordedAt, retakeStartedOn },
        // new study after a graduation: the graduation no longer ends protection
        graduation: null,
      };
    }
    case 'GraduationRecorded':
      return { ...file, graduation: { graduatedOn: event.data.graduatedOn } };
    case 'AgedOut':
      return endProtection(file, event.data.on, 'EIGHTEENTH_BIRTHDAY');
    case 'ProtectionExtended':
      return { ...file, extension: { from: event.data.from, level: event.data.level } };
    case 'ProtectionEnded':
      return endProtection(file, event.data.on, event.data.reason);
    case 'GraduationGrantAwarded':
      // the review's record of the grant; what a roll pays comes from the timeline
      return file;
    case 'CaseworkerAssigned':
      return { ...file, caseworkerId: event.data.caseworkerId };
    case 'VisitRecorded': {
      const { visitedAt } = event.data;
      const later =
        file.lastVisitAt === null || Date.parse(visitedAt) > Date.parse(file.lastVisitAt);
      return later ? { ...file, lastVisitAt: visitedAt } : file;
    }
    case 'CaseTransferred':
      // the caseworker belongs to the old village; the new one assigns its own
      return { ...file, regionCode: event.data.toRegionCode, caseworkerId: null };
    case 'CaseClosed': {
      const { closedAt, reason } = event.data;
      return { ...file, closure: { closedAt, reason } };
    }
    case 'CaseReopened':
      return { ...file, closure: null };
    case 'CaseCorrected':
      return corrected(file, event.data.field, event.data.to);
    case 'PersonalInformationErased':
      return erasedFile(file);
    case 'GuardianshipCrisisReported':
    case 'GuardianUrged':
    case 'RevocationPetitioned':
    case 'ProcuratorateSupportFiled':
    case 'GuardianshipRevoked':
    case 'GuardianAppointed':
    case 'GuardianshipRestored':
      return evolveGuardianship(file, event);
    case 'MonitoringSignalRaised':
    case 'MonitoringSignalResolved':
      return { ...file, signals: evolveSignals(file.signals ?? [], event) };
    default: {
      const _exhaustive: never = event;
      return file;
    }
  }
}

function identified(data: Extract<CaseEvent, { type: 'ChildIdentified' }>['data']): CaseFile {
  const file = identifiedFile(data);
  return { ...file, history: initialHistory(file) };
}

function identifiedFile(
  data: Extract<CaseEvent, { type: 'ChildIdentified' }>['data'],
): Omit<CaseFile, 'history'> {
  const guardian: Guardian | null =
    data.guardian === null ? guardianByLaw(data.categories) : { ...data.guardian };
  return {
    id: data.caseId,
    regionCode: data.regionCode,
    categories: [...data.categories],
    child: { ...data.child },
    birthDate: data.birthDate,
    source: data.source,
    sourceDetail: data.sourceDetail,
    identifiedAt: data.identifiedAt,
    identifiedBy: data.identifiedBy,
    riskLevel: null,
    scores: null,
    assessedAt: null,
    lastVisitAt: null,
    caseworkerId: null,
    guardian,
    guardianOnRecord: data.guardian !== null,
    revokedGuardians: [],
    guardianship: {
      crisis: null,
      urgedCount: 0,
      petitionPending: false,
      procuratorateSupport: false,
      lastDocketNumber: null,
    },
    categoryRedeterminationNeeded: false,
    programmes: [],
    education: null,
    graduation: null,
    extension: null,
    protectionEnd: null,
    closure: null,
    erased: false,
  };
}

function endProtection(
  file: CaseFile,
  on: string,
  reason: NonNullable<CaseFile['protectionEnd']>['reason'],
): CaseFile {
  return { ...file, protectionEnd: { on, reason } };
}

function corrected(file: CaseFile, field: string, to: string | null): CaseFile {
  switch (field) {
    case 'name':
      return { ...file, child: { ...file.child, name: to } };
    case 'idNumber':
      return { ...file, child: { ...file.child, idNumber: to } };
    case 'birthDate':
      return to === null ? file : birthDateCorrected(file, to);
    default:
      return file;
  }
}

/**
 * An age-out on a wrong 18th birthday that has not come yet under the corrected date is undone.
 * A fold takes no policy, and the AgedOut event does not record the age it was decided at: this
 * reads the built-in age of majority (a configured other age is not seen here; see docs/policy.md).
 */
function birthDateCorrected(file: CaseFile, birthDate: string): CaseFile {
  const end = file.protectionEnd;
  if (
    end?.reason === 'EIGHTEENTH_BIRTHDAY' &&
    eighteenthBirthday(birthDate, DEFAULT_POLICY.ageOfMajority) > end.on
  )
    return { ...file, birthDate, protectionEnd: null };
  return { ...file, birthDate };
}
