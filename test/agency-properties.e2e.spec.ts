import fc from 'fast-check';
import { AGENCY_ACTS, idNumberProblem, isValidDate, makeFictionalIdNumber } from '@app/domain';
import {
  AGENCY_ENV,
  COURT_NAME,
  eventStoreOf,
  identifyChild,
  postAct,
  PROCURATORATE_NAME,
} from './support/agency-api';
import { TestApp } from './support/test-app';

/**
 * Random and malformed requests thrown at the endpoint: never a 5xx, every refusal shaped as the
 * contract says, and never an event stored for a refused request (the log's head does not move).
 */
describe('POST /agency/v1/guardianship-acts under random input', () => {
  let app: TestApp;
  let child: { caseId: string; idNumber: string };
  let tokens: Record<string, string | undefined>;
  let runs = 0;

  beforeAll(async () => {
    app = await TestApp.start(AGENCY_ENV);
    child = await identifyChild(app, 500);
    tokens = {
      none: undefined,
      court: app.token('COURT', ['*'], { agency: COURT_NAME }),
      procuratorate: app.token('PROCURATORATE', ['*'], { agency: PROCURATORATE_NAME }),
      civilAffairs: app.token('CIVIL_AFFAIRS', ['*']),
    };
  });
  afterAll(() => app.close());

  const validBody = () => ({
    act: 'GUARDIANSHIP_REVOKED',
    childIdNumber: child.idNumber,
    docketNumber: '(2026)浙0102民特12号',
    decidedOn: '2026-03-01',
    effectiveOn: '2026-03-15',
    newGuardian: { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局' },
    notes: '备注',
  });
  const FIELDS = [
    'act',
    'childIdNumber',
    'docketNumber',
    'decidedOn',
    'effectiveOn',
    'newGuardian',
    'notes',
  ];

  // header values a client can send at all (fetch refuses CR, LF and NUL); some not ASCII
  const headerChar = fc.constantFrom(...'aZ09-_. :/é\t~'.split(''));
  const anyKey = fc.oneof(
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 6,
      arbitrary: fc
        .string({ minLength: 1, maxLength: 20 })
        .map((s) => s.replace(/[^\x21-\x7e]/g, 'k')),
    },
    { weight: 1, arbitrary: fc.string({ unit: headerChar, maxLength: 140 }) },
  );
  const junk = fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 300 }));
  const unknownChild = makeFictionalIdNumber('330102', '2011-11-11', 997);
  const mutatedBody = fc
    .record({
      act: fc.constantFrom(...AGENCY_ACTS),
      child: fc.constantFrom('known', 'unknown', 'caseId'),
      drop: fc.subarray(FIELDS, { maxLength: 2 }),
      replace: fc.dictionary(
        fc.constantFrom(...FIELDS, 'caseId', 'petitioner', '__proto__', 'constructor'),
        junk,
        { maxKeys: 2 },
      ),
    })
    .map(({ act, child: which, drop, replace }) => {
      const body: Record<string, unknown> = { ...validBody(), act };
      if (which === 'unknown') body.childIdNumber = unknownChild;
      if (which === 'caseId') [body.caseId, body.childIdNumber] = [child.caseId, undefined];
      for (const field of drop) delete body[field];
      return JSON.stringify({ ...body, ...replace });
    });
  const rawText = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.json({ maxDepth: 4 }),
    fc.constantFrom(
      '{"__proto__": {"act": "GUARDIANSHIP_REVOKED"}}',
      '{"constructor": {"prototype": {"x": 1}}}',
      '{"act": "GUARDIANSHIP_REVOKED", "act": 1}',
      '{"newGuardian": [[[[[[[[[[]]]]]]]]]]}',
      '\u0000',
      '1e999',
      '{"notes": "\\ud800"}',
    ),
  );
  const request = fc.record({
    body: fc.oneof({ weight: 4, arbitrary: mutatedBody }, { weight: 1, arbitrary: rawText }),
    key: anyKey,
    token: fc.constantFrom(
      'none',
      'court',
      'court',
      'procuratorate',
      'procuratorate',
      'civilAffairs',
    ),
    contentType: fc.constantFrom(
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      'application/xml',
    ),
  });

  it('never answers 5xx, and stores nothing for a refused request', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ body, key, token, contentType }) => {
        const before = await eventStoreOf(app).headPosition();
        const answer = await postAct(app, {
          token: tokens[token],
          // a fresh key per run, unless the run tests a bad one: replays are not the point here
          key:
            key === undefined || /^[\x20-\x7e]{1,128}$/.test(key) ? key && `${key}#${++runs}` : key,
          body,
          headers: { 'content-type': contentType },
        });
        expect(answer.status).toBeLessThan(500);
        expect(answer.text).not.toContain(child.idNumber);
        if (answer.status >= 400) {
          expect(answer.body).toEqual(
            expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
          );
          expect(await eventStoreOf(app).headPosition()).toBe(before);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Bodies broken by construction: each named field holds a value no rule accepts.
  const broken: Record<string, fc.Arbitrary<unknown>> = {
    act: fc.oneof(
      fc.string().filter((s) => !(AGENCY_ACTS as readonly string[]).includes(s)),
      fc.integer(),
      fc.constant(null),
    ),
    childIdNumber: fc.oneof(
      fc.string({ maxLength: 20 }).filter((s) => idNumberProblem(s, '2026-11-25') !== null),
      fc.integer(),
    ),
    docketNumber: fc.oneof(
      fc.constantFrom('', '   '),
      fc.string({ minLength: 101, maxLength: 200 }),
      fc.integer(),
    ),
    decidedOn: fc.oneof(
      fc.string({ maxLength: 12 }).filter((s) => !isValidDate(s)),
      fc.date().map((d) => d.getTime()),
    ),
    effectiveOn: fc.constantFrom('2026-02-30', '2026-13-01', '26-03-15', '2026-3-15', 'today'),
    newGuardian: fc.oneof(
      fc.string(),
      fc.integer(),
      fc.array(fc.jsonValue(), { maxLength: 3 }),
      fc.record({ kind: fc.constantFrom('FRIEND', '', 'parent'), name: fc.constant('某') }),
    ),
  };
  const brokenRequest = fc.subarray(Object.keys(broken), { minLength: 1 }).chain((fields) =>
    fc.record(Object.fromEntries(fields.map((f) => [f, broken[f]]))).map((values) => ({
      fields,
      body: { ...validBody(), ...values },
    })),
  );

  it('refuses a broken body with 400 naming each broken field, and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(brokenRequest, async ({ fields, body }) => {
        const before = await eventStoreOf(app).headPosition();
        const answer = await postAct(app, { token: tokens.court, key: `broken-${++runs}`, body });
        expect(answer.status).toBe(400);
        const named = (answer.body.fields as { field: string }[]).map((f) => f.field.split('.')[0]);
        expect(named).toEqual(expect.arrayContaining(fields));
        expect(await eventStoreOf(app).headPosition()).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
