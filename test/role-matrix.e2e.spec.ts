import { makeFictionalIdNumber } from '@app/domain';
import type { RoleName } from '@app/runtime/auth/principal';
import { MUTATIONS, RUN_AGE_OUT_REVIEW, mustMutate, type MutationName } from './support/cases-api';
import { TestApp, codeOf } from './support/test-app';

const VILLAGE = '370303101001';
const ROLES: RoleName[] = [
  'CHILD_DIRECTOR',
  'SUPERVISOR',
  'CIVIL_AFFAIRS',
  'AUDITOR',
  'ADMIN',
  'COURT',
  'PROCURATORATE',
];

// CONTRACT.md: directors and supervisors act inside their regions; civil affairs decides enrolment
// and standards; auditors read history only; courts and procuratorates use the agency API only.
const FIELD: RoleName[] = ['CHILD_DIRECTOR', 'SUPERVISOR', 'CIVIL_AFFAIRS', 'ADMIN'];
const BUREAU: RoleName[] = ['CIVIL_AFFAIRS', 'ADMIN'];
const SUPERVISING: RoleName[] = ['SUPERVISOR', 'CIVIL_AFFAIRS', 'ADMIN'];

type Mutation =
  | MutationName
  | 'runAgeOutReview'
  | 'reportGuardianshipCrisis'
  | 'urgeGuardian'
  | 'correctCase'
  | 'issuePaymentRoll';

const EXPECTED: Record<Mutation, RoleName[]> = {
  identifyChild: FIELD,
  assessRisk: FIELD,
  recordEducation: FIELD,
  recordGraduation: FIELD,
  recordVisit: FIELD,
  reportGuardianshipCrisis: FIELD,
  urgeGuardian: FIELD,
  determineCategories: BUREAU,
  enrollInProgramme: BUREAU,
  endProgramme: BUREAU,
  setBenefitStandard: BUREAU,
  runAgeOutReview: BUREAU,
  issuePaymentRoll: BUREAU,
  assignCaseworker: SUPERVISING,
  transferCase: SUPERVISING,
  closeCase: SUPERVISING,
  reopenCase: SUPERVISING,
  correctCase: SUPERVISING,
};

const EXTRA: Record<string, string> = {
  reportGuardianshipCrisis:
    'mutation($input: ReportGuardianshipCrisisInput!) { reportGuardianshipCrisis(input: $input) { caseId } }',
  urgeGuardian: 'mutation($input: UrgeGuardianInput!) { urgeGuardian(input: $input) { caseId } }',
  correctCase: 'mutation($input: CorrectCaseInput!) { correctCase(input: $input) { caseId } }',
  issuePaymentRoll:
    'mutation($input: IssuePaymentRollInput!) { issuePaymentRoll(input: $input) { position } }',
};

describe('who may run which mutation, inside and outside their regions', () => {
  let app: TestApp;
  let caseId: string;
  let seq = 100;

  beforeAll(async () => {
    app = await TestApp.start();
    const admin = app.token('ADMIN');
    caseId = (await mustMutate(app, 'identifyChild', identifyInput(), admin)).caseId!;
  });
  afterAll(() => app.close());

  function identifyInput() {
    return {
      idNumber: makeFictionalIdNumber('370303', '2013-04-05', seq++),
      name: '测试儿童',
      regionCode: VILLAGE,
      source: 'VISIT',
      identifiedAt: '2026-01-05T10:00:00+08:00',
      categories: ['ORPHAN'],
    };
  }

  function inputFor(mutation: Mutation): Record<string, unknown> {
    const at = '2026-02-01T10:00:00+08:00';
    switch (mutation) {
      case 'identifyChild':
        return identifyInput();
      case 'assessRisk':
        return { caseId, guardianshipRisk: 1, livingRisk: 1, behaviourRisk: 0, assessedAt: at };
      case 'determineCategories':
        return { caseId, categories: ['ORPHAN'], determinedAt: at };
      case 'enrollInProgramme':
        return { caseId, programme: 'MEDICAL_ASSISTANCE', effectiveFrom: '2026-02-01' };
      case 'endProgramme':
        return {
          caseId,
          programme: 'MEDICAL_ASSISTANCE',
          effectiveTo: '2026-02-28',
          reason: 'test',
        };
      case 'recordEducation':
        return { caseId, level: 'PRIMARY', fullTime: true, recordedAt: at };
      case 'recordGraduation':
        return { caseId, graduatedOn: '2026-02-01' };
      case 'assignCaseworker':
        return { caseId, caseworkerId: 'director-9' };
      case 'recordVisit':
        return { caseId, visitedAt: at };
      case 'transferCase':
        return { caseId, toRegionCode: '370303101002', transferredAt: at };
      case 'closeCase':
        return { caseId, reason: 'test', closedAt: at };
      case 'reopenCase':
        return { caseId, reason: 'test', reopenedAt: at };
      case 'setBenefitStandard':
        return {
          regionCode: '370303',
          category: 'ORPHAN',
          monthlyAmount: '1500.00',
          effectiveFrom: '2026-01-01',
        };
      case 'reportGuardianshipCrisis':
        return { caseId, kind: 'LACKING', reportedAt: at };
      case 'urgeGuardian':
        return { caseId, urgedAt: at };
      case 'correctCase':
        return { caseId, field: 'name', to: '更正后', reason: 'typo', correctsRevision: 0 };
      case 'runAgeOutReview':
        return {};
      case 'issuePaymentRoll':
        return { regionCode: '370303', month: '2026-01' };
    }
  }

  async function attempt(mutation: Mutation, token: string) {
    if (mutation === 'runAgeOutReview')
      return app.gql(RUN_AGE_OUT_REVIEW, { asOf: '2026-02-01' }, token);
    const document = EXTRA[mutation] ?? MUTATIONS[mutation as MutationName];
    return app.gql(document, { input: inputFor(mutation) }, token);
  }

  const cases = (Object.keys(EXPECTED) as Mutation[]).flatMap((mutation) =>
    ROLES.flatMap(
      (role) =>
        [
          [mutation, role, 'inside', ['370303']],
          [mutation, role, 'outside', ['3301']],
        ] as const,
    ),
  );

  it.each(cases)('%s by %s %s its regions', async (mutation, role, where, regions) => {
    const response = await attempt(
      mutation,
      app.token(role, [...regions], { agency: role === 'COURT' ? '某区人民法院' : undefined }),
    );
    const allowedRole = EXPECTED[mutation].includes(role);
    // the review has no single region: outside the regions it simply finds nothing to review
    const allowed = allowedRole && (where === 'inside' || mutation === 'runAgeOutReview');
    if (allowed) expect(codeOf(response)).not.toBe('FORBIDDEN');
    else expect(codeOf(response)).toBe('FORBIDDEN');
    expect(codeOf(response)).not.toBe('INTERNAL_SERVER_ERROR');
  });
});
