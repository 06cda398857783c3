import { ROLES, type Role } from '../shared/enums';
import { command } from '../testing/fixtures';
import {
  ACCESS_MATRIX,
  actionOf,
  agencyRoleFor,
  authorize,
  mayPerform,
  type Action,
  type Principal,
} from './access-policy';
import { maySeePersonalInfo } from './disclosure-policy';

const allowed = (action: Action) => ROLES.filter((r) => mayPerform(r, action));
const principal = (role: Role, regions: string[] = ['3703']): Principal => ({
  id: 'u',
  role,
  regions,
});

describe('who may run what', () => {
  it.each([
    'identifyChild',
    'assessRisk',
    'recordEducation',
    'recordGraduation',
    'recordVisit',
  ] as const)('lets field workers %s', (action) => {
    expect(allowed(action)).toEqual(['CHILD_DIRECTOR', 'SUPERVISOR', 'CIVIL_AFFAIRS', 'ADMIN']);
  });

  it.each([
    'determineCategories',
    'enrollInProgramme',
    'endProgramme',
    'setBenefitStandard',
    'runAgeOutReview',
  ] as const)('keeps %s to civil affairs', (action) => {
    expect(allowed(action)).toEqual(['CIVIL_AFFAIRS', 'ADMIN']);
  });

  it.each(['assignCaseworker', 'transferCase', 'closeCase', 'reopenCase', 'correctCase'] as const)(
    'lets supervisors and up %s',
    (action) => {
      expect(allowed(action)).toEqual(['SUPERVISOR', 'CIVIL_AFFAIRS', 'ADMIN']);
    },
  );

  it('routes agency acts to procuratorates and courts only', () => {
    expect(allowed('REVOCATION_PETITIONED')).toEqual(['PROCURATORATE']);
    expect(allowed('PROCURATORATE_SUPPORT_FILED')).toEqual(['PROCURATORATE']);
    expect(allowed('GUARDIANSHIP_REVOKED')).toEqual(['COURT']);
    expect(allowed('GUARDIAN_APPOINTED')).toEqual(['COURT']);
    expect(agencyRoleFor('GUARDIANSHIP_RESTORED')).toBe('COURT');
  });

  it('lets auditors read history but not write or list cases', () => {
    expect(mayPerform('AUDITOR', 'caseHistory')).toBe(true);
    expect(mayPerform('AUDITOR', 'case')).toBe(true);
    expect(mayPerform('AUDITOR', 'cases')).toBe(false);
    expect(mayPerform('AUDITOR', 'identifyChild')).toBe(false);
    expect(mayPerform('CHILD_DIRECTOR', 'caseHistory')).toBe(false);
    expect(allowed('verifyCaseHistory')).toEqual(['AUDITOR', 'ADMIN']);
  });

  it('gives courts and procuratorates nothing but their acts', () => {
    const actions = Object.keys(ACCESS_MATRIX) as Action[];
    expect(actions.filter((a) => mayPerform('COURT', a))).toEqual([
      'GUARDIANSHIP_REVOKED',
      'GUARDIAN_APPOINTED',
      'GUARDIANSHIP_RESTORED',
    ]);
  });
});

describe('regions', () => {
  it('allows inside the regions and forbids outside', () => {
    expect(authorize(principal('CHILD_DIRECTOR'), 'recordVisit', '370302002003')).toEqual({
      allowed: true,
    });
    expect(authorize(principal('CHILD_DIRECTOR'), 'recordVisit', '330102001001')).toEqual({
      allowed: false,
      reason: 'REGION',
    });
    expect(authorize(principal('CHILD_DIRECTOR'), 'enrollInProgramme', '370302002003')).toEqual({
      allowed: false,
      reason: 'ROLE',
    });
    expect(authorize(principal('ADMIN', ['*']), 'closeCase', '330102001001')).toEqual({
      allowed: true,
    });
  });
});

describe('personal information', () => {
  it('is for field workers and civil affairs in their regions', () => {
    expect(maySeePersonalInfo(principal('SUPERVISOR'), '370302002003')).toBe(true);
    expect(maySeePersonalInfo(principal('SUPERVISOR'), '330102001001')).toBe(false);
    expect(maySeePersonalInfo(principal('ADMIN', ['']), '330102001001')).toBe(true);
  });

  it('is never for auditors, courts or procuratorates', () => {
    for (const role of ['AUDITOR', 'COURT', 'PROCURATORATE'] as const)
      expect(maySeePersonalInfo(principal(role, ['*']), '370302002003')).toBe(false);
  });
});

describe('the action of a command', () => {
  it('is the mutation name, or the act for agency acts', () => {
    expect(actionOf(command('ReviewAgeOut', { asOf: '2026-03-01' }))).toBe('runAgeOutReview');
    const act = command('RecordGuardianshipAct', {
      act: 'GUARDIAN_APPOINTED',
      docketNumber: 'd',
      decidedOn: '2026-03-01',
      effectiveOn: '2026-03-01',
    });
    expect(actionOf(act)).toBe('GUARDIAN_APPOINTED');
  });
});
