import { makeFictionalIdNumber } from '@app/domain';
import { ACTS_PATH, AGENCY_ENV, COURT_NAME, postAct } from './support/agency-api';
import { CASE_QUERY, mustMutate, mutate } from './support/cases-api';
import { TestApp, codeOf } from './support/test-app';

/** "Parents are a child's guardians by law unless the file records otherwise." */
describe('parents as guardians by law', () => {
  let app: TestApp;
  let bureau: string;
  let court: string;
  let seq = 1;
  const child = (categories: string[], guardian?: Record<string, string>) => ({
    idNumber: makeFictionalIdNumber('330102', '2014-06-01', seq++),
    name: '测试儿童',
    regionCode: '330102001001',
    source: 'VISIT',
    identifiedAt: '2026-01-10T09:00:00+08:00',
    categories,
    ...(guardian ? { guardian } : {}),
  });
  const guardianOf = async (caseId: string) =>
    (
      await app.gql<{ case: { guardian: { kind: string; name: string } | null } }>(
        CASE_QUERY,
        { id: caseId },
        bureau,
      )
    ).data!.case.guardian;

  beforeAll(async () => {
    app = await TestApp.start(AGENCY_ENV);
    bureau = app.token('CIVIL_AFFAIRS', ['3301']);
    court = app.token('COURT', ['3301'], { agency: COURT_NAME });
  });
  afterAll(() => app.close());

  it('shows the parents as guardians of a left-behind child identified with none recorded', async () => {
    const { caseId } = await mustMutate(app, 'identifyChild', child(['LEFT_BEHIND']), bureau);
    expect(await guardianOf(caseId!)).toEqual({ kind: 'PARENT', name: '父母' });
  });

  it("lets a court revoke the parents' guardianship of such a child", async () => {
    const { caseId } = await mustMutate(app, 'identifyChild', child(['LEFT_BEHIND']), bureau);
    const answer = await postAct(app, {
      token: court,
      key: `by-law-${caseId}`,
      body: {
        act: 'GUARDIANSHIP_REVOKED',
        caseId,
        docketNumber: '(2026)浙0102民特31号',
        decidedOn: '2026-02-01',
        effectiveOn: '2026-02-01',
        newGuardian: { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局' },
      },
    });
    expect({ path: ACTS_PATH, status: answer.status }).toEqual({ path: ACTS_PATH, status: 201 });
    expect(await guardianOf(caseId!)).toEqual({
      kind: 'CIVIL_AFFAIRS',
      name: '杭州市上城区民政局',
    });
  });

  it('gives an orphan no guardian until one is appointed', async () => {
    const { caseId } = await mustMutate(app, 'identifyChild', child(['ORPHAN']), bureau);
    expect(await guardianOf(caseId!)).toBeNull();
  });

  it('refuses an orphan identified with a parent as guardian, naming the field', async () => {
    const response = await mutate(
      app,
      'identifyChild',
      child(['ORPHAN'], { kind: 'PARENT', name: '测试父亲' }),
      bureau,
    );
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions!.fields!.map((f) => f.field)).toEqual([
      'input.guardian.kind',
    ]);
  });
});
