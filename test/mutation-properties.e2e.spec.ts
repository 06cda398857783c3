import fc from 'fast-check';
import { makeFictionalIdNumber } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { MUTATIONS, RUN_AGE_OUT_REVIEW, mustMutate } from './support/cases-api';
import { TestApp } from './support/test-app';

const EXTRA = {
  reportGuardianshipCrisis:
    'mutation($input: ReportGuardianshipCrisisInput!) { reportGuardianshipCrisis(input: $input) { caseId revision position } }',
  urgeGuardian:
    'mutation($input: UrgeGuardianInput!) { urgeGuardian(input: $input) { caseId revision position } }',
  correctCase:
    'mutation($input: CorrectCaseInput!) { correctCase(input: $input) { caseId revision position } }',
};
const DOCUMENTS: Record<string, string> = { ...MUTATIONS, ...EXTRA };

/** Codes a refusal may carry; anything else (INTERNAL_SERVER_ERROR above all) fails the property. */
const CONTRACT_CODES = [
  'BAD_USER_INPUT',
  'NOT_ELIGIBLE',
  'ILLEGAL_TRANSITION',
  'NOT_FOUND',
  'DUPLICATE_CASE',
  'CONFLICT',
  'FORBIDDEN',
];

/**
 * Every mutation with random and malformed input values: never INTERNAL_SERVER_ERROR or a 5xx,
 * and an event is stored only when the mutation answered success.
 */
describe('mutations under random input', () => {
  let app: TestApp;
  let store: EventStore;
  let token: string;
  let caseId: string;
  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    store = app.app.get(EVENT_STORE);
    token = app.token('ADMIN');
    caseId = (
      await mustMutate(
        app,
        'identifyChild',
        {
          idNumber: makeFictionalIdNumber('330102', '2011-04-04', 1),
          name: '随机',
          regionCode: '330102001001',
          source: 'VISIT',
          identifiedAt: '2025-01-01T10:00:00+08:00',
          categories: ['ORPHAN'],
        },
        token,
      )
    ).caseId!;
  });
  afterAll(() => app.close());

  const valid = (): Record<string, Record<string, unknown>> => ({
    identifyChild: {
      idNumber: makeFictionalIdNumber('330102', '2012-02-02', 2),
      name: '甲',
      regionCode: '330102001001',
      source: 'VISIT',
      identifiedAt: '2025-02-01T10:00:00+08:00',
      categories: ['ORPHAN'],
      guardian: { kind: 'RELATIVE', name: '乙', relation: '祖母' },
    },
    assessRisk: {
      caseId,
      guardianshipRisk: 1,
      livingRisk: 2,
      behaviourRisk: 0,
      assessedAt: '2025-02-01T10:00:00+08:00',
      notes: 'n',
    },
    determineCategories: {
      caseId,
      categories: ['ORPHAN'],
      determinedAt: '2025-02-01T10:00:00+08:00',
    },
    enrollInProgramme: {
      caseId,
      programme: 'TEMPORARY_ASSISTANCE',
      effectiveFrom: '2025-02-01',
      fastTrack: true,
      amount: '500.00',
    },
    endProgramme: { caseId, programme: 'CARE_SERVICES', effectiveTo: '2025-03-01', reason: 'r' },
    recordEducation: {
      caseId,
      level: 'PRIMARY',
      fullTime: true,
      expectedGraduation: '2027-07-01',
      recordedAt: '2025-02-01T10:00:00+08:00',
    },
    recordGraduation: { caseId, graduatedOn: '2025-06-30' },
    assignCaseworker: { caseId, caseworkerId: 'w1' },
    recordVisit: { caseId, visitedAt: '2025-02-03T10:00:00+08:00', notes: null },
    transferCase: {
      caseId,
      toRegionCode: '330102001002',
      transferredAt: '2025-02-04T10:00:00+08:00',
    },
    closeCase: { caseId, reason: 'r', closedAt: '2025-02-05T10:00:00+08:00' },
    reopenCase: { caseId, reason: 'r', reopenedAt: '2025-02-06T10:00:00+08:00' },
    setBenefitStandard: {
      regionCode: '3301',
      category: 'ORPHAN',
      monthlyAmount: '2300.00',
      effectiveFrom: '2025-01-01',
    },
    reportGuardianshipCrisis: { caseId, kind: 'LACKING', reportedAt: '2025-02-01T10:00:00+08:00' },
    urgeGuardian: { caseId, urgedAt: '2025-02-01T10:00:00+08:00' },
    correctCase: { caseId, field: 'name', to: '丙', reason: 'typo', correctsRevision: 0 },
  });

  const junk = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '',
      ' ',
      '2025-02-30',
      '2025-13-01T10:00:00+08:00',
      '1e309',
      '-1',
      '3301',
      'X'.repeat(5000),
      '\u0000',
      '\ud800',
      '__proto__',
    ),
    fc.integer(),
    fc.double(),
    fc.constant(null),
  );

  const attempt = fc
    .record({
      mutation: fc.constantFrom(...Object.keys(DOCUMENTS)),
      replace: fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 3 }),
      spoil: fc.array(fc.nat(), { maxLength: 3 }),
    })
    .map(({ mutation, replace, spoil }) => {
      const input: Record<string, unknown> = { ...valid()[mutation] };
      const fields = Object.keys(input);
      for (const i of spoil)
        input[fields[i % fields.length]] = replace[Object.keys(replace)[0]] ?? null;
      return { mutation, input: { ...input, ...replace } };
    });

  it('answers a contract code or success, never an internal error, and stores events only on success', async () => {
    await fc.assert(
      fc.asyncProperty(attempt, async ({ mutation, input }) => {
        const before = await store.headPosition();
        const response = await app.gql<Record<string, { position: string }>>(
          DOCUMENTS[mutation],
          { input },
          token,
        );
        expect(response.status).toBeLessThan(500);
        const after = await store.headPosition();
        if (response.errors?.length) {
          for (const error of response.errors)
            expect(CONTRACT_CODES).toContain(error.extensions?.code);
          expect(after).toBe(before);
        } else {
          expect(response.data?.[mutation]?.position).toEqual(expect.any(String));
        }
      }),
      { numRuns: 400, seed: 20261125 },
    );
  }, 120_000);

  it('refuses a malformed age-out review date without reviewing anything', async () => {
    await fc.assert(
      fc.asyncProperty(junk, async (asOf) => {
        const before = await store.headPosition();
        const response = await app.gql(RUN_AGE_OUT_REVIEW, { asOf }, token);
        if (response.errors) expect(CONTRACT_CODES).toContain(response.errors[0].extensions?.code);
        if (response.errors) expect(await store.headPosition()).toBe(before);
      }),
      { numRuns: 100, seed: 7 },
    );
  });
});
