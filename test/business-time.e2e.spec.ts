import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, businessDateOf, makeFictionalIdNumber, MESSAGES, monthOf } from '@app/domain';
import { postAct } from './support/agency-api';
import { MUTATIONS, RUN_AGE_OUT_REVIEW, mustMutate } from './support/cases-api';
import { TestApp, codeOf, type GraphQLResponse } from './support/test-app';

/**
 * "No command may record something as having happened in the future, unless the contract gives
 * it an effective date that may lie ahead." Every date and date-time input of the API, each sent
 * a value ahead of now: the facts are refused naming the field, the effective dates and the
 * reads' dates are taken. The list is checked against the running schema (a new Date or DateTime
 * input fails this spec until it is classified here and in docs/api.md).
 */

type Answer = { status: number; code?: string; fields: { field: string; message: string }[] };
type Input = {
  /** as docs/api.md names it: `operation(path)` */
  name: string;
  ahead: 'refused' | 'taken';
  send: (value: { date: string; dateTime: string; month: string }) => Promise<Answer>;
};

const VILLAGE = '330102001001';
const IDENTIFIED_AT = '2026-01-10T09:00:00+08:00';
const DOCS = readFileSync(join(__dirname, '..', 'docs', 'api.md'), 'utf8');

describe('business time: nothing recorded as having happened in the future', () => {
  let app: TestApp;
  let bureau: string;
  let auditor: string;
  let court: string;
  let open: string;
  let closed: string;
  let seq = 1;
  const child = (categories = ['ORPHAN']) => ({
    idNumber: makeFictionalIdNumber('330102', '2013-07-01', seq++),
    name: '测试',
    regionCode: VILLAGE,
    source: 'VISIT',
    identifiedAt: IDENTIFIED_AT,
    categories,
  });
  const gql = async (query: string, variables: Record<string, unknown>, token = bureau) =>
    answerOf(await app.gql(query, variables, token));
  const mutation = (name: keyof typeof MUTATIONS, input: Record<string, unknown>) =>
    gql(MUTATIONS[name], { input });
  const extra = (name: string, type: string) =>
    `mutation($input: ${type}!) { ${name}(input: $input) { caseId } }`;

  beforeAll(async () => {
    app = await TestApp.start({ RATE_LIMIT_MUTATIONS_PER_MINUTE: '100000' });
    bureau = app.token('CIVIL_AFFAIRS', ['3301']);
    auditor = app.token('AUDITOR', ['3301']);
    court = app.token('COURT', ['3301'], { agency: '杭州市上城区人民法院' });
    [open, closed] = await Promise.all(
      [0, 1].map(async () => (await mustMutate(app, 'identifyChild', child(), bureau)).caseId!),
    );
    const setUp: [keyof typeof MUTATIONS, Record<string, unknown>][] = [
      [
        'enrollInProgramme',
        { caseId: open, programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: '2026-01-10' },
      ],
      ['closeCase', { caseId: closed, reason: '收养', closedAt: '2026-01-11T09:00:00+08:00' }],
    ];
    for (const [name, input] of setUp) await mustMutate(app, name, input, bureau);
  });
  afterAll(() => app.close());

  const inputs = (): Input[] => [
    {
      name: 'identifyChild(input.identifiedAt)',
      ahead: 'refused',
      send: (v) => mutation('identifyChild', { ...child(), identifiedAt: v.dateTime }),
    },
    {
      name: 'assessRisk(input.assessedAt)',
      ahead: 'refused',
      send: (v) =>
        mutation('assessRisk', {
          caseId: open,
          guardianshipRisk: 1,
          livingRisk: 0,
          behaviourRisk: 0,
          assessedAt: v.dateTime,
        }),
    },
    {
      name: 'determineCategories(input.determinedAt)',
      ahead: 'refused',
      send: (v) =>
        mutation('determineCategories', {
          caseId: open,
          categories: ['ORPHAN'],
          determinedAt: v.dateTime,
        }),
    },
    {
      name: 'enrollInProgramme(input.effectiveFrom)',
      ahead: 'taken',
      send: (v) =>
        mutation('enrollInProgramme', {
          caseId: open,
          programme: 'MEDICAL_ASSISTANCE',
          effectiveFrom: v.date,
        }),
    },
    {
      name: 'endProgramme(input.effectiveTo)',
      ahead: 'taken',
      send: (v) =>
        mutation('endProgramme', {
          caseId: open,
          programme: 'BASIC_LIVING_ALLOWANCE',
          effectiveTo: v.date,
          reason: '到期',
        }),
    },
    {
      name: 'recordEducation(input.recordedAt)',
      ahead: 'refused',
      send: (v) =>
        mutation('recordEducation', {
          caseId: open,
          level: 'JUNIOR_SECONDARY',
          fullTime: true,
          recordedAt: v.dateTime,
        }),
    },
    {
      name: 'recordEducation(input.expectedGraduation)',
      ahead: 'taken',
      send: (v) =>
        mutation('recordEducation', {
          caseId: open,
          level: 'JUNIOR_SECONDARY',
          fullTime: true,
          expectedGraduation: v.date,
          recordedAt: '2026-02-01T09:00:00+08:00',
        }),
    },
    {
      name: 'recordGraduation(input.graduatedOn)',
      ahead: 'refused',
      send: (v) => mutation('recordGraduation', { caseId: open, graduatedOn: v.date }),
    },
    {
      name: 'recordVisit(input.visitedAt)',
      ahead: 'refused',
      send: (v) => mutation('recordVisit', { caseId: open, visitedAt: v.dateTime }),
    },
    {
      name: 'transferCase(input.transferredAt)',
      ahead: 'refused',
      send: (v) =>
        mutation('transferCase', {
          caseId: open,
          toRegionCode: '330102001002',
          transferredAt: v.dateTime,
        }),
    },
    {
      name: 'closeCase(input.closedAt)',
      ahead: 'refused',
      send: (v) => mutation('closeCase', { caseId: open, reason: '迁出', closedAt: v.dateTime }),
    },
    {
      name: 'reopenCase(input.reopenedAt)',
      ahead: 'refused',
      send: (v) =>
        mutation('reopenCase', { caseId: closed, reason: '迁回', reopenedAt: v.dateTime }),
    },
    {
      name: 'reportGuardianshipCrisis(input.reportedAt)',
      ahead: 'refused',
      send: (v) =>
        gql(extra('reportGuardianshipCrisis', 'ReportGuardianshipCrisisInput'), {
          input: { caseId: open, kind: 'IMPROPER', reportedAt: v.dateTime },
        }),
    },
    {
      name: 'urgeGuardian(input.urgedAt)',
      ahead: 'refused',
      send: (v) =>
        gql(extra('urgeGuardian', 'UrgeGuardianInput'), {
          input: { caseId: open, urgedAt: v.dateTime },
        }),
    },
    {
      name: 'correctCase(input.to) of a birthDate',
      ahead: 'refused',
      send: (v) =>
        gql(extra('correctCase', 'CorrectCaseInput'), {
          input: {
            caseId: open,
            field: 'birthDate',
            to: v.date,
            reason: '核实',
            correctsRevision: 0,
          },
        }),
    },
    {
      name: 'setBenefitStandard(input.effectiveFrom)',
      ahead: 'taken',
      send: (v) =>
        mutation('setBenefitStandard', {
          regionCode: '3301',
          category: 'ORPHAN',
          monthlyAmount: '2100.00',
          effectiveFrom: v.date,
        }),
    },
    {
      name: 'runAgeOutReview(asOf)',
      ahead: 'refused',
      send: (v) => gql(RUN_AGE_OUT_REVIEW, { asOf: v.date }),
    },
    {
      name: 'benefits(on)',
      ahead: 'taken',
      send: (v) =>
        gql('query($c: ID!, $on: Date) { benefits(caseId: $c, on: $on) { programme } }', {
          c: open,
          on: v.date,
        }),
    },
    {
      name: 'caseload(asOf)',
      ahead: 'taken',
      send: (v) => gql('query($d: Date) { caseload(asOf: $d) { open } }', { d: v.date }),
    },
    ...(['overdueAsOf', 'turning18By', 'turning18From'] as const).map((field): Input => ({
      name: `cases(filter.${field})`,
      ahead: 'taken',
      send: (v) =>
        gql('query($f: CaseFilter) { cases(filter: $f) { totalCount } }', {
          f: { [field]: v.date },
        }),
    })),
    {
      name: 'paymentRoll(month)',
      ahead: 'taken',
      send: (v) =>
        gql('query($m: String!) { paymentRoll(regionCode: "3301", month: $m) { count } }', {
          m: v.month,
        }),
    },
    {
      name: 'paymentRoll(knownAt)',
      ahead: 'refused',
      send: (v) =>
        gql(
          'query($k: DateTime) { paymentRoll(regionCode: "3301", month: "2026-01", knownAt: $k) { count } }',
          { k: v.dateTime },
        ),
    },
    {
      name: 'paymentForecast(standards.effectiveFrom)',
      ahead: 'taken',
      send: (v) =>
        gql(
          `query($d: Date!) { paymentForecast(regionCode: "3301", fromMonth: "2026-01", months: 2,
            standards: [{ category: ORPHAN, monthlyAmount: "2300.00", effectiveFrom: $d }]) { total } }`,
          { d: v.date },
        ),
    },
    {
      name: 'caseAsOf(at)',
      ahead: 'taken',
      send: (v) =>
        gql(
          'query($c: ID!, $at: DateTime!) { caseAsOf(caseId: $c, at: $at) { id } }',
          {
            c: open,
            at: v.dateTime,
          },
          auditor,
        ),
    },
    {
      name: 'caseAsOf(knownAt)',
      ahead: 'refused',
      send: (v) =>
        gql(
          'query($c: ID!, $k: DateTime) { caseAsOf(caseId: $c, at: "2026-02-01T00:00:00+08:00", knownAt: $k) { id } }',
          { c: open, k: v.dateTime },
          auditor,
        ),
    },
    {
      name: 'agency act decidedOn',
      ahead: 'refused',
      send: (v) => act({ decidedOn: v.date, effectiveOn: v.date }, 'decided'),
    },
    {
      name: 'agency act effectiveOn',
      ahead: 'taken',
      send: (v) => act({ decidedOn: '2026-02-01', effectiveOn: v.date }, 'effective'),
    },
  ];

  async function act(dates: Record<string, string>, key: string): Promise<Answer> {
    const answer = await postAct(app, {
      token: court,
      key: `business-time-${key}`,
      body: {
        act: 'GUARDIAN_APPOINTED',
        caseId: open,
        docketNumber: '(2026)浙0102民特40号',
        newGuardian: { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局' },
        ...dates,
      },
    });
    const body = answer.body as { code?: string; fields?: Answer['fields'] };
    return { status: answer.status, code: body.code, fields: body.fields ?? [] };
  }

  const ahead = () => {
    const now = new Date();
    const date = addDays(businessDateOf(now.toISOString()), 1);
    return {
      date,
      dateTime: new Date(now.getTime() + 3_600_000).toISOString(),
      month: monthOf(addDays(date, 31)),
    };
  };

  it('refuses each fact dated ahead of now, naming the field', async () => {
    for (const input of inputs().filter((i) => i.ahead === 'refused')) {
      const answer = await input.send(ahead());
      const field = fieldOf(input.name);
      expect({ input: input.name, code: answer.code, field: answerField(answer, field) }).toEqual({
        input: input.name,
        code: 'BAD_USER_INPUT',
        field: { field, message: MESSAGES.notInFuture },
      });
    }
  });

  it('takes each effective date and read date that lies ahead', async () => {
    for (const input of inputs().filter((i) => i.ahead === 'taken')) {
      const answer = await input.send(ahead());
      expect({ input: input.name, code: answer.code ?? null, status: answer.status < 300 }).toEqual(
        { input: input.name, code: null, status: true },
      );
    }
  });

  it('leaves a child whose 18th birthday is tomorrow a minor when a review is run for tomorrow', async () => {
    const tomorrow = addDays(businessDateOf(new Date().toISOString()), 1);
    const birth = `${Number(tomorrow.slice(0, 4)) - 18}${tomorrow.slice(4)}`;
    const { caseId } = await mustMutate(
      app,
      'identifyChild',
      { ...child(), idNumber: makeFictionalIdNumber('330102', birth, 1) },
      bureau,
    );
    const review = await app.gql(RUN_AGE_OUT_REVIEW, { asOf: tomorrow }, bureau);
    expect(codeOf(review)).toBe('BAD_USER_INPUT');
    const today = await app.gql<{ runAgeOutReview: { agedOut: number } }>(
      RUN_AGE_OUT_REVIEW,
      { asOf: businessDateOf(new Date().toISOString()) },
      bureau,
    );
    expect(today.errors).toBeUndefined();
    const status = await app.gql<{ case: { status: string } }>(
      'query($id: ID!) { case(id: $id) { status } }',
      { id: caseId },
      bureau,
    );
    expect(status.data?.case.status).toBe('IDENTIFIED');
  });

  it('lists every Date and DateTime input of the schema here and in docs/api.md', async () => {
    const listed = new Set(inputs().map((i) => i.name));
    for (const name of await dateInputsOfSchema(app, bureau))
      expect({ input: name, listedHere: listed.has(name) }).toEqual({
        input: name,
        listedHere: true,
      });
    for (const name of listed)
      expect({ input: name, inDocs: DOCS.includes(`\`${name.split(' of ')[0]}\``) }).toEqual({
        input: name,
        inDocs: true,
      });
  });
});

/** `identifyChild(input.identifiedAt)` -> `input.identifiedAt`; an agency act's field by name. */
function fieldOf(name: string): string {
  const inside = /\(([^)]+)\)/.exec(name)?.[1];
  return inside ?? name.split(' ').at(-1)!;
}

function answerField(answer: Answer, field: string) {
  return answer.fields.find((f) => f.field === field) ?? answer.fields;
}

function answerOf(response: GraphQLResponse): Answer {
  const error = response.errors?.[0];
  return {
    status: error ? 400 : 200,
    code: error?.extensions?.code,
    fields: (error?.extensions?.fields ?? []) as Answer['fields'],
  };
}

/** Every argument and input field typed Date or DateTime, as `operation(path)`. */
async function dateInputsOfSchema(app: TestApp, token: string): Promise<string[]> {
  type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
  type InputValue = { name: string; type: TypeRef };
  const response = await app.gql<{
    __schema: {
      queryType: { fields: { name: string; args: InputValue[] }[] };
      mutationType: { fields: { name: string; args: InputValue[] }[] };
      types: { name: string; kind: string; inputFields: InputValue[] | null }[];
    };
  }>(
    `{ __schema {
      queryType { fields { name args { ...V } } }
      mutationType { fields { name args { ...V } } }
      types { name kind inputFields { ...V } } } }
    fragment V on __InputValue { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }`,
    {},
    token,
  );
  const schema = response.data!.__schema;
  const named = (t: TypeRef): string => (t.ofType ? named(t.ofType) : t.name!);
  const inputs = new Map(
    schema.types.filter((t) => t.kind === 'INPUT_OBJECT').map((t) => [t.name, t]),
  );
  const found: string[] = [];
  const walk = (operation: string, path: string, value: InputValue, depth: number) => {
    const type = named(value.type);
    if (type === 'Date' || type === 'DateTime') found.push(`${operation}(${path})`);
    const input = inputs.get(type);
    if (input && depth < 4)
      for (const field of input.inputFields ?? [])
        walk(operation, `${path}.${field.name}`, field, depth + 1);
  };
  for (const field of [...schema.queryType.fields, ...schema.mutationType.fields])
    for (const arg of field.args) walk(field.name, arg.name, arg, 0);
  return found;
}
