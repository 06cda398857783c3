import { makeFictionalIdNumber } from '../identity/id-number';
import type { CaseCommand, CaseCommandOf, CaseCommandType } from '../case/case.commands';
import type { CaseEvent, CaseEventOf, ChildIdentified } from '../case/case.events';
import type { Actor, DateTime } from '../shared/types';

/** Fictional test data only: made-up names, ID numbers with a valid check character. */

export const CASE_ID = 'case-0001';
export const VILLAGE = '330102001001';
export const OTHER_VILLAGE = '370302002003';
export const BIRTH_DATE = '2012-05-10';
export const ID_NUMBER = makeFictionalIdNumber('330102', BIRTH_DATE, 7);
export const CHILD_NAME = '测试儿童甲';
export const NOW: DateTime = '2026-03-10T10:00:00+08:00';

export const DIRECTOR: Actor = { id: 'director-1', role: 'CHILD_DIRECTOR' };
export const SUPERVISOR: Actor = { id: 'supervisor-1', role: 'SUPERVISOR' };
export const CIVIL: Actor = { id: 'civil-1', role: 'CIVIL_AFFAIRS' };
export const COURT: Actor = { id: 'court-1', role: 'COURT', agency: '杭州市上城区人民法院' };
export const PROCURATORATE: Actor = {
  id: 'proc-1',
  role: 'PROCURATORATE',
  agency: '杭州市上城区人民检察院',
};

const DEFAULT_ACTOR: Partial<Record<CaseCommandType, Actor>> = {
  DetermineCategories: CIVIL,
  EnrollInProgramme: CIVIL,
  EndProgramme: CIVIL,
  ReviewAgeOut: CIVIL,
  AssignCaseworker: SUPERVISOR,
  TransferCase: SUPERVISOR,
  CloseCase: SUPERVISOR,
  ReopenCase: SUPERVISOR,
  CorrectCase: SUPERVISOR,
  RecordGuardianshipAct: COURT,
};

/** A command on CASE_ID at NOW by the usual role for it. */
export function command<T extends CaseCommandType>(
  type: T,
  data: CaseCommandOf<T>['data'],
  base: Partial<Pick<CaseCommand, 'caseId' | 'actor' | 'now'>> = {},
): CaseCommandOf<T> {
  return {
    type,
    caseId: CASE_ID,
    actor: DEFAULT_ACTOR[type] ?? DIRECTOR,
    now: NOW,
    data,
    ...base,
  } as CaseCommandOf<T>;
}

export function event<T extends CaseEvent['type']>(
  type: T,
  data: CaseEventOf<T>['data'],
): CaseEventOf<T> {
  return { type, data } as CaseEventOf<T>;
}

export function childIdentified(overrides: Partial<ChildIdentified['data']> = {}): ChildIdentified {
  return event('ChildIdentified', {
    caseId: CASE_ID,
    child: { name: CHILD_NAME, idNumber: ID_NUMBER },
    birthDate: BIRTH_DATE,
    regionCode: VILLAGE,
    source: 'VISIT',
    sourceDetail: null,
    identifiedAt: '2026-01-05T09:00:00+08:00',
    identifiedBy: DIRECTOR.id,
    categories: ['DE_FACTO_UNSUPPORTED'],
    guardian: { kind: 'RELATIVE', name: '测试外婆', relation: 'grandmother' },
    ...overrides,
  });
}

export const riskAssessed = (
  level: 'RED' | 'GREEN' = 'RED',
  assessedAt = '2026-01-06T10:00:00+08:00',
) =>
  event('RiskAssessed', {
    guardianshipRisk: level === 'RED' ? 3 : 0,
    livingRisk: 0,
    behaviourRisk: 0,
    level,
    assessedAt,
    notes: null,
  });

export const enrolled = (
  programme: CaseEventOf<'ProgrammeEnrolled'>['data']['programme'],
  effectiveFrom = '2026-02-01',
) => event('ProgrammeEnrolled', { programme, effectiveFrom, fastTrack: false });

export const closed = (closedAt = '2026-02-20T10:00:00+08:00', reason = 'moved away') =>
  event('CaseClosed', { reason, closedAt });
