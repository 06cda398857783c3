import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { addDays, DEFAULT_POLICY, makeFictionalIdNumber, type RiskLevel } from '@app/domain';
import { ServerProcess } from './support/server-process';

const VILLAGE = '370303001001';
/** the bureau's own figures: the basic living allowance also for extreme poverty, shorter visits */
const POLICY = {
  case: {
    eligibility: {
      BASIC_LIVING_ALLOWANCE: {
        kind: 'CATEGORIES',
        categories: ['ORPHAN', 'DE_FACTO_UNSUPPORTED', 'EXTREME_POVERTY'],
      },
    },
    visitIntervalDays: { RED: 3, YELLOW: 4, BLUE: 5, GREEN: 6 },
  },
  // a parent in prison leaves the child de facto unsupported (事实无人抚养): evidence of a category
  monitoring: { kinds: { PARENT_IMPRISONED: { category: 'DE_FACTO_UNSUPPORTED' } } },
};

type Result = { caseId: string | null; position: string };
type CaseView = {
  riskLevel: RiskLevel;
  nextVisitDue: string;
  programmes: { programme: string; monthlyAmount: string | null }[];
};
type Roll = { lines: { caseId: string; amount: string; reason: string; forMonth: string }[] };

const MUTATION = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { caseId position } }`;

/**
 * One server with POLICY_FILE, one without: the write side (the DTO rule and decide of a standard,
 * the eligibility of an enrolment) and the read side (the projected next visit the overdue filter
 * reads, the case as shown today, the payment roll computed in its worker thread) all follow the
 * file; a file that is not a policy stops the start with a message naming the field.
 */
describe('POLICY_FILE: one policy for the write and the read side', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-file-'));
  const policyFile = join(dir, 'policy.json');
  let configured: ServerProcess;
  let builtIn: ServerProcess;
  let sequence = 0;

  beforeAll(async () => {
    writeFileSync(policyFile, JSON.stringify(POLICY));
    [configured, builtIn] = await Promise.all([
      ServerProcess.start({ env: { POLICY_FILE: policyFile, LOG_LEVEL: 'warn' } }),
      ServerProcess.start({ env: { LOG_LEVEL: 'warn' } }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([configured?.stop(), builtIn?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(server: ServerProcess, name: string, input: Record<string, unknown>) {
    const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
    const token =
      name === 'assessRisk'
        ? server.token('CHILD_DIRECTOR', [VILLAGE], 'director-1')
        : server.token('CIVIL_AFFAIRS', ['3703'], 'bureau');
    const response = await server.gql<Record<string, Result>>(
      MUTATION(name, type),
      { input },
      token,
    );
    return { result: response.data?.[name] ?? null, codes: codesOf(response.errors) };
  }
  const codesOf = (errors?: { extensions?: { code?: string } }[]) =>
    (errors ?? []).map((e) => e.extensions?.code);

  async function extremePovertyChild(
    server: ServerProcess,
  ): Promise<{ caseId: string; position: string }> {
    sequence += 1;
    const { result } = await run(server, 'identifyChild', {
      idNumber: makeFictionalIdNumber('370303', '2014-05-05', sequence),
      name: `政策${sequence}`,
      regionCode: VILLAGE,
      source: 'VISIT',
      identifiedAt: '2024-12-15T09:00:00+08:00',
      categories: ['EXTREME_POVERTY'],
    });
    const caseId = result!.caseId!;
    const assessed = await run(server, 'assessRisk', {
      caseId,
      guardianshipRisk: 3,
      livingRisk: 1,
      behaviourRisk: 0,
      assessedAt: '2025-10-01T10:00:00+08:00',
    });
    expect(assessed.codes).toEqual([]);
    return { caseId, position: assessed.result!.position };
  }
  const standard = {
    regionCode: '3703',
    category: 'EXTREME_POVERTY',
    monthlyAmount: '1500.00',
    effectiveFrom: '2025-01-01',
  };
  const enrolment = (caseId: string) => ({
    caseId,
    programme: 'BASIC_LIVING_ALLOWANCE',
    effectiveFrom: '2025-01-01',
  });

  async function read<T>(server: ServerProcess, query: string, variables: object): Promise<T> {
    const response = await server.gql<T>(
      query,
      variables as Record<string, unknown>,
      server.token('CIVIL_AFFAIRS', ['3703'], 'reader'),
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data;
  }
  const caseOf = (server: ServerProcess, id: string, consistentWith: string) =>
    read<{ case: CaseView }>(
      server,
      `query($id: ID!, $at: String) { case(id: $id, consistentWith: $at) {
        riskLevel nextVisitDue programmes { programme monthlyAmount } } }`,
      { id, at: consistentWith },
    ).then((d) => d.case);
  const overdueOn = (server: ServerProcess, asOf: string, consistentWith: string) =>
    read<{ cases: { edges: { node: { id: string } }[] } }>(
      server,
      `query($filter: CaseFilter, $at: String) { cases(filter: $filter, first: 200, consistentWith: $at) {
        edges { node { id } } } }`,
      { filter: { regionCode: '3703', overdueAsOf: asOf }, at: consistentWith },
    ).then((d) => d.cases.edges.map((e) => e.node.id));
  const rollOf = (server: ServerProcess, consistentWith: string) =>
    read<{ paymentRoll: Roll }>(
      server,
      `query($at: String) { paymentRoll(regionCode: "370303", month: "2025-02", consistentWith: $at) {
        lines { caseId amount reason forMonth } } }`,
      { at: consistentWith },
    ).then((d) => d.paymentRoll);

  it('decides with the file: a standard and an enrolment the built-in policy refuses', async () => {
    const refusedStandard = await run(builtIn, 'setBenefitStandard', standard);
    expect(refusedStandard.codes).toEqual(['BAD_USER_INPUT']);
    const { caseId: plainCase } = await extremePovertyChild(builtIn);
    const refusedEnrolment = await run(builtIn, 'enrollInProgramme', enrolment(plainCase));
    expect(refusedEnrolment.result).toBeNull();
    expect(refusedEnrolment.codes).toHaveLength(1);

    expect((await run(configured, 'setBenefitStandard', standard)).codes).toEqual([]);
    const { caseId } = await extremePovertyChild(configured);
    const enrolled = await run(configured, 'enrollInProgramme', enrolment(caseId));
    expect(enrolled.codes).toEqual([]);
  });

  it('imports rosters with the file: a roster kind means what the file says', async () => {
    const signalOf = async (server: ServerProcess) => {
      const { caseId, position } = await extremePovertyChild(server);
      const idNumber = makeFictionalIdNumber('370303', '2014-05-05', sequence);
      const response = await fetch(
        `${server.url}/monitoring/v1/rosters?kind=PARENT_IMPRISONED&asOf=2025-10-02`,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${server.token('CIVIL_AFFAIRS', ['3703'], 'bureau')}`,
            'content-type': 'text/csv',
          },
          body: `id_number,name,region_code\n${idNumber},政策${sequence},${VILLAGE}\n`,
        },
      );
      expect(response.status).toBe(201);
      const answer = (await response.json()) as { signals: number; position: string };
      expect(answer.signals).toBe(1);
      const signals = await read<{
        monitoringSignals: {
          edges: { node: { caseId: string; kind: string; category: string | null } }[];
        };
      }>(
        server,
        `query($at: String) { monitoringSignals(regionCode: "3703", consistentWith: $at) {
          edges { node { caseId kind category } } } }`,
        { at: BigInt(answer.position) > BigInt(position) ? answer.position : position },
      );
      return signals.monitoringSignals.edges.map((e) => e.node).filter((n) => n.caseId === caseId);
    };
    expect(await signalOf(configured)).toEqual([
      expect.objectContaining({
        kind: 'CATEGORY_EVIDENCE_FOUND',
        category: 'DE_FACTO_UNSUPPORTED',
      }),
    ]);
    expect(await signalOf(builtIn)).toEqual([
      expect.objectContaining({ kind: 'RISK_EVIDENCE_FOUND' }),
    ]);
  });

  it('reads with the file: the projected next visit, the case shown today, the payment roll', async () => {
    const { caseId } = await extremePovertyChild(configured);
    const { result } = await run(configured, 'enrollInProgramme', enrolment(caseId));
    const at = result!.position;
    const { caseId: plainCase, position: plainAt } = await extremePovertyChild(builtIn);

    const shown = await caseOf(configured, caseId, at);
    const days = POLICY.case.visitIntervalDays[shown.riskLevel];
    expect(shown.nextVisitDue).toBe(addDays('2025-10-01', days));
    expect(shown.programmes).toContainEqual({
      programme: 'BASIC_LIVING_ALLOWANCE',
      monthlyAmount: '1500.00',
    });
    const plain = await caseOf(builtIn, plainCase, plainAt);
    expect(plain.nextVisitDue).toBe(
      addDays('2025-10-01', DEFAULT_POLICY.visitIntervalDays[plain.riskLevel]),
    );

    // the read model's row (projected): overdue the day after the file's interval, not before
    const dueOn = addDays('2025-10-01', days);
    expect(await overdueOn(configured, addDays(dueOn, 1), at)).toContain(caseId);
    expect(await overdueOn(configured, dueOn, at)).not.toContain(caseId);
    expect(await overdueOn(builtIn, addDays(dueOn, 1), plainAt)).not.toContain(plainCase);

    const lines = (await rollOf(configured, at)).lines.filter((l) => l.caseId === caseId);
    expect(lines).toEqual([{ caseId, amount: '1500.00', reason: 'MONTHLY', forMonth: '2025-02' }]);
  });

  it.each([
    [
      'a field the policy does not have',
      { case: { visitIntervalDay: { RED: 3 } } },
      /visitIntervalDay is not a policy field/,
    ],
    [
      'a value of the wrong shape',
      { case: { visitIntervalDays: { RED: 0 } } },
      /case\.visitIntervalDays\.RED must be a whole number from 1/,
    ],
    [
      'an unknown category',
      { case: { eligibility: { CARE_SERVICES: { kind: 'CATEGORIES', categories: ['RICH'] } } } },
      /case\.eligibility\.CARE_SERVICES\.categories\[0\] must be one of/,
    ],
    ['a file that is not JSON', '{ "case": ', /is not JSON/],
  ])('stops the start on %s, naming the field', (_title, content, message) => {
    const file = join(dir, `bad-${sequence++}.json`);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    const started = spawnSync(
      process.execPath,
      ['-r', './tools/swc-register.js', 'apps/api/src/main.ts'],
      {
        cwd: resolve(__dirname, '..'),
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          DATA_DIR: mkdtempSync(join(dir, 'data-')),
          POLICY_FILE: file,
          PORT: '0',
          GRPC_PORT: '0',
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(started.status).toBe(1);
    expect(started.stderr).toMatch(/^configuration error: POLICY_FILE \(/m);
    expect(started.stderr).toMatch(message);
  });
});
