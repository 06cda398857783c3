import { makeFictionalIdNumber, MESSAGES, TEXT_LIMITS, type FieldError } from '@app/domain';
import { AGENCY_ENV, COURT_NAME, postAct } from './support/agency-api';
import { CASE_QUERY, RUN_AGE_OUT_REVIEW, mustMutate, mutate } from './support/cases-api';
import { TestApp, codeOf, type GraphQLResponse } from './support/test-app';

const VILLAGE = '330102001001';
const CORRECT = `mutation($input: CorrectCaseInput!) { correctCase(input: $input) { caseId } }`;
const fieldsOf = (r: GraphQLResponse<unknown>) =>
  (r.errors?.[0]?.extensions?.fields ?? []) as FieldError[];

/** A fictional ID number whose check character is X. */
function endingInX(birthDate: string): string {
  for (let seq = 1; ; seq++) {
    const id = makeFictionalIdNumber('330102', birthDate, seq);
    if (id.endsWith('X')) return id;
  }
}

describe('input rules', () => {
  let app: TestApp;
  let bureau: string;
  let supervisor: string;
  let seq = 1;
  const child = (overrides: Record<string, unknown> = {}) => ({
    idNumber: makeFictionalIdNumber('330102', '2012-09-09', seq++),
    name: '测试',
    regionCode: VILLAGE,
    source: 'VISIT',
    identifiedAt: '2026-01-10T09:00:00+08:00',
    categories: ['ORPHAN'],
    ...overrides,
  });
  const identified = async (overrides: Record<string, unknown> = {}) =>
    (await mustMutate(app, 'identifyChild', child(overrides), bureau)).caseId!;

  beforeAll(async () => {
    app = await TestApp.start({ ...AGENCY_ENV, RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    bureau = app.token('CIVIL_AFFAIRS', ['3301']);
    supervisor = app.token('SUPERVISOR', ['3301']);
  });
  afterAll(() => app.close());

  describe('refusals a caseworker expects', () => {
    it('refuses an enrolment effective before the child was identified', async () => {
      const caseId = await identified();
      const response = await mutate(
        app,
        'enrollInProgramme',
        { caseId, programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: '2026-01-01' },
        bureau,
      );
      expect(fieldsOf(response)).toEqual([
        { field: 'input.effectiveFrom', message: MESSAGES.beforeIdentification },
      ]);
    });

    it('refuses a graduation for a case not in extended protection', async () => {
      const caseId = await identified();
      // in full-time study, which before extension no longer opens a graduation
      const study = { level: 'SENIOR_SECONDARY', fullTime: true };
      const recordedAt = '2026-02-01T09:00:00+08:00';
      await mustMutate(app, 'recordEducation', { caseId, ...study, recordedAt }, bureau);
      const response = await mutate(
        app,
        'recordGraduation',
        { caseId, graduatedOn: '2026-06-30' },
        bureau,
      );
      expect(codeOf(response)).toBe('ILLEGAL_TRANSITION');
    });

    it('refuses an expected graduation already past when it is recorded', async () => {
      const caseId = await identified();
      const response = await mutate(
        app,
        'recordEducation',
        {
          caseId,
          level: 'JUNIOR_SECONDARY',
          fullTime: true,
          expectedGraduation: '2026-01-31',
          recordedAt: '2026-02-01T09:00:00+08:00',
        },
        bureau,
      );
      expect(fieldsOf(response).map((f) => f.field)).toEqual(['input.expectedGraduation']);
    });

    it('refuses determining no category at all', async () => {
      const caseId = await identified();
      const response = await mutate(
        app,
        'determineCategories',
        { caseId, categories: [], determinedAt: '2026-02-01T09:00:00+08:00' },
        bureau,
      );
      expect(fieldsOf(response)).toEqual([
        { field: 'input.categories', message: MESSAGES.atLeastOneCategory },
      ]);
    });

    it('refuses a birth date correction that contradicts the ID number', async () => {
      const caseId = await identified();
      const response = await app.gql(
        CORRECT,
        {
          input: {
            caseId,
            field: 'birthDate',
            to: '2012-09-10',
            reason: '核实',
            correctsRevision: 0,
          },
        },
        supervisor,
      );
      expect(fieldsOf(response)).toEqual([
        { field: 'input.to', message: expect.stringContaining('characters 7-14') },
      ]);
    });

    it('refuses a standard for a category no monthly allowance is paid for', async () => {
      const response = await mutate(
        app,
        'setBenefitStandard',
        {
          regionCode: '3301',
          category: 'LEFT_BEHIND',
          monthlyAmount: '500.00',
          effectiveFrom: '2026-01-01',
        },
        bureau,
      );
      expect(fieldsOf(response).map((f) => f.field)).toEqual(['input.category']);
    });

    it('reads a lower-case x check character as X: one child, one case', async () => {
      const upper = endingInX('2013-04-04');
      const caseId = (
        await mustMutate(app, 'identifyChild', child({ idNumber: upper.toLowerCase() }), bureau)
      ).caseId!;
      expect(codeOf(await mutate(app, 'identifyChild', child({ idNumber: upper }), bureau))).toBe(
        'DUPLICATE_CASE',
      );
      const view = await app.gql<{ case: { child: { idNumber: string } } }>(
        CASE_QUERY,
        { id: caseId },
        bureau,
      );
      expect(view.data?.case.child.idNumber).toBe(upper);
      const court = app.token('COURT', ['3301'], { agency: COURT_NAME });
      const act = await postAct(app, {
        token: court,
        key: 'lower-x-1',
        body: {
          act: 'GUARDIAN_APPOINTED',
          childIdNumber: upper.toLowerCase(),
          docketNumber: '(2026)浙0102民特51号',
          decidedOn: '2026-02-01',
          effectiveOn: '2026-02-01',
          newGuardian: { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局' },
        },
      });
      expect([act.status, act.body.caseId]).toEqual([201, caseId]);
      // and a correction to the lower-case spelling of the number it holds changes nothing
      const again = await app.gql(
        CORRECT,
        {
          input: {
            caseId,
            field: 'idNumber',
            to: upper.toLowerCase(),
            reason: '核实',
            correctsRevision: 0,
          },
        },
        supervisor,
      );
      expect(codeOf(again)).toBe('ILLEGAL_TRANSITION');
    });
  });

  describe('validation before side effects', () => {
    it('answers a bad identification the same whether the number has an open case or not', async () => {
      const taken = child();
      await mustMutate(app, 'identifyChild', taken, bureau);
      const bad = { source: 'VISIT', name: ' ' };
      const onTaken = await mutate(app, 'identifyChild', { ...taken, ...bad }, bureau);
      const onFree = await mutate(app, 'identifyChild', { ...child(), ...bad }, bureau);
      expect(codeOf(onTaken)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(onTaken)).toEqual(fieldsOf(onFree));
    });

    it('answers an agency act with a bad body 400 before looking the child up', async () => {
      const court = app.token('COURT', ['3703'], { agency: '淄博市张店区人民法院' });
      const open = child();
      await mustMutate(app, 'identifyChild', open, bureau);
      const body = (childIdNumber: string) => ({
        act: 'GUARDIAN_APPOINTED',
        childIdNumber,
        docketNumber: '(2026)鲁0303民特1号',
        decidedOn: '2999-01-01',
        effectiveOn: '2999-01-01',
        newGuardian: { kind: 'CIVIL_AFFAIRS', name: '民政局' },
      });
      const elsewhere = await postAct(app, {
        token: court,
        key: 'bad-1',
        body: body(open.idNumber),
      });
      const nowhere = await postAct(app, {
        token: court,
        key: 'bad-2',
        body: body(child().idNumber),
      });
      expect([elsewhere.status, nowhere.status]).toEqual([400, 400]);
      expect(elsewhere.body).toEqual(nowhere.body);
      // a rule across fields (an appointment names the guardian) is checked before the lookup too
      const unnamed = (childIdNumber: string) => ({
        ...body(childIdNumber),
        decidedOn: '2026-02-01',
        effectiveOn: '2026-02-01',
        newGuardian: null,
      });
      const a = await postAct(app, { token: court, key: 'bad-3', body: unnamed(open.idNumber) });
      const b = await postAct(app, { token: court, key: 'bad-4', body: unnamed(child().idNumber) });
      expect([a.status, b.status, a.body.fields]).toEqual([
        400,
        400,
        [expect.objectContaining({ field: 'newGuardian' })],
      ]);
      expect(a.body).toEqual(b.body);
    });

    it('names the case’s own refusals only to a caller who may act on it', async () => {
      const caseId = await identified();
      const input = {
        caseId,
        guardianshipRisk: 9,
        livingRisk: 0,
        behaviourRisk: 0,
        assessedAt: '2026-01-01T09:00:00+08:00', // before the case was identified
      };
      const inside = await mutate(app, 'assessRisk', input, bureau);
      expect(fieldsOf(inside).map((f) => f.field)).toEqual([
        'input.guardianshipRisk',
        'input.assessedAt',
      ]);
      const outside = await mutate(app, 'assessRisk', input, app.token('CIVIL_AFFAIRS', ['3703']));
      expect(fieldsOf(outside).map((f) => f.field)).toEqual(['input.guardianshipRisk']);
    });
  });

  describe('every bad field, one message per rule, named by argument path', () => {
    it('lists coercion failures and rule failures together, by argument path, not variable name', async () => {
      const response = await app.gql(
        'mutation($x: IdentifyChildInput!) { identifyChild(input: $x) { caseId } }',
        {
          x: {
            ...child(),
            source: 'RUMOUR', // coercion: not an enum value
            identifiedAt: 'yesterday', // coercion: not a DateTime
            name: '', // a rule
            regionCode: '3301', // a rule
          },
        },
        bureau,
      );
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.errors).toHaveLength(1);
      expect(
        fieldsOf(response)
          .map((f) => f.field)
          .sort(),
      ).toEqual(['input.identifiedAt', 'input.name', 'input.regionCode', 'input.source']);
      expect(response.errors![0].message).toBe(
        `invalid input: ${fieldsOf(response)
          .map((f) => f.field)
          .join(', ')}`,
      );
    });

    it('names a scalar argument by its name, whatever the variable is called', async () => {
      const bad = await app.gql(
        'mutation($d: Date!) { runAgeOutReview(asOf: $d) { agedOut } }',
        { d: '2026-02-30' },
        bureau,
      );
      const literal = await app.gql(
        'mutation { runAgeOutReview(asOf: "2026-02-30") { agedOut } }',
        {},
        bureau,
      );
      expect(fieldsOf(bad)).toEqual([{ field: 'asOf', message: MESSAGES.date }]);
      expect(fieldsOf(literal)).toEqual(fieldsOf(bad));
      const ahead = await app.gql(RUN_AGE_OUT_REVIEW, { asOf: '2999-01-01' }, bureau);
      expect(fieldsOf(ahead)).toEqual([{ field: 'asOf', message: MESSAGES.notInFuture }]);
    });

    it('names DTO fields and the case’s fields together', async () => {
      const response = await app.gql(
        CORRECT,
        {
          input: {
            caseId: await identified(),
            field: 'name',
            to: '乙',
            reason: ' ',
            correctsRevision: 9,
          },
        },
        supervisor,
      );
      expect(
        fieldsOf(response)
          .map((f) => f.field)
          .sort(),
      ).toEqual(['input.correctsRevision', 'input.reason']);
      const orphanWithParent = await mutate(
        app,
        'identifyChild',
        child({ name: '', guardian: { kind: 'PARENT', name: '测试父亲' } }),
        bureau,
      );
      expect(fieldsOf(orphanWithParent).map((f) => f.field)).toEqual([
        'input.name',
        'input.guardian.kind',
      ]);
    });

    it('reads each limit the same wherever it is checked, counting characters', async () => {
      const max = TEXT_LIMITS.childName;
      const long = '名'.repeat(max + 1);
      const identify = await mutate(app, 'identifyChild', child({ name: long }), bureau);
      const correct = await app.gql(
        CORRECT,
        {
          input: {
            caseId: await identified(),
            field: 'name',
            to: long,
            reason: '核实',
            correctsRevision: 0,
          },
        },
        supervisor,
      );
      expect(fieldsOf(identify)).toEqual([{ field: 'input.name', message: MESSAGES.text(max) }]);
      expect(fieldsOf(correct)).toEqual([{ field: 'input.to', message: MESSAGES.text(max) }]);
      // characters outside the Basic Multilingual Plane count once each
      const astral = '𠀀'.repeat(max);
      expect(
        (await mutate(app, 'identifyChild', child({ name: astral }), bureau)).errors,
      ).toBeUndefined();

      const guardianName = 'x'.repeat(TEXT_LIMITS.guardianName + 1);
      const viaGraphQL = await mutate(
        app,
        'identifyChild',
        child({ categories: [], guardian: { kind: 'RELATIVE', name: guardianName } }),
        bureau,
      );
      const viaAgency = await postAct(app, {
        token: app.token('COURT', ['3301'], { agency: COURT_NAME }),
        key: 'limit-1',
        body: {
          act: 'GUARDIAN_APPOINTED',
          caseId: await identified(),
          docketNumber: '(2026)浙0102民特52号',
          decidedOn: '2026-02-01',
          effectiveOn: '2026-02-01',
          newGuardian: { kind: 'RELATIVE', name: guardianName },
        },
      });
      const message = MESSAGES.text(TEXT_LIMITS.guardianName);
      expect(fieldsOf(viaGraphQL)).toEqual([{ field: 'input.guardian.name', message }]);
      expect(viaAgency.body).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: 'invalid input: newGuardian.name',
        fields: [{ field: 'newGuardian.name', message }],
      });
    });

    it('says "invalid input" the same way for every refusal', async () => {
      const domain = await mutate(
        app,
        'assessRisk',
        {
          caseId: await identified(),
          guardianshipRisk: 1,
          livingRisk: 0,
          behaviourRisk: 0,
          assessedAt: '2026-01-01T09:00:00+08:00',
        },
        bureau,
      );
      const dto = await mutate(app, 'identifyChild', child({ regionCode: '33' }), bureau);
      expect(domain.errors![0].message).toBe('invalid input: input.assessedAt');
      expect(dto.errors![0].message).toBe('invalid input: input.regionCode');
    });
  });
});
