import { makeFictionalIdNumber } from '@app/domain';
import { fewestCandidates } from './support/id-reconstruction';
import { mustMutate } from './support/cases-api';
import { TestApp, codeOf, type GraphQLResponse } from './support/test-app';
import { ACCESS_LOG, CORRECT_CASE, dataOf, recordCourtAct } from './audit-support';

/**
 * Issue 23, items 1 and 2, tried as an attacker would: every role reads everything it may about
 * a case, by every path (case, cases, caseAsOf, caseHistory, benefits, paymentRoll, the CSV),
 * without asking for the full name or ID number, then tries to rebuild the ID number.
 */

const REGION = '3703';
const VILLAGE = '370303001001';
const ROLL_MONTH = '2026-06';
const BUREAU_NAME = '淄博市张店区民政局';

type Child = {
  name: string;
  birthDate: string;
  sequence: number;
  orphan: boolean;
  guardian: { kind: string; name: string; relation?: string } | null;
};

const CHILDREN: Child[] = [
  {
    name: '王小明',
    birthDate: '2012-05-10',
    sequence: 121,
    orphan: false,
    guardian: { kind: 'PARENT', name: '王大力', relation: 'father' },
  },
  {
    name: '李思',
    birthDate: '2013-02-02',
    sequence: 482,
    orphan: false,
    guardian: { kind: 'RELATIVE', name: '李秀英', relation: 'grandmother' },
  },
  {
    name: '张三丰',
    birthDate: '2014-04-04',
    sequence: 7,
    orphan: true,
    guardian: { kind: 'CIVIL_AFFAIRS', name: BUREAU_NAME },
  },
  { name: '赵一', birthDate: '2011-11-30', sequence: 999, orphan: true, guardian: null },
  {
    name: '周小溪',
    birthDate: '2015-08-18',
    sequence: 350,
    orphan: false,
    guardian: { kind: 'PARENT', name: '周建国', relation: 'father' },
  },
];

/** Everything about a case but the two fields that are read in full only when entitled. */
const CASE_FIELDS = `id status regionCode categories riskLevel birthDate child { idNumberMasked }
  guardian { kind name relation } caseworkerId nextVisitDue revision
  programmes { programme from to monthlyAmount amount coverageShare fastTrack }`;

const READS = {
  case: `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`,
  caseAsOf: `query($id: ID!, $at: DateTime!) { caseAsOf(caseId: $id, at: $at) { ${CASE_FIELDS} } }`,
  caseHistory: `query($id: ID!) { caseHistory(caseId: $id) { revision position type occurredAt
    recordedAt actor { id role agency } correlationId causationId data hash previousHash } }`,
  benefits: `query($id: ID!) { benefits(caseId: $id) { programme from to monthlyAmount coverageShare fastTrack } }`,
};
const CASES = `query { cases(filter: { regionCode: "${REGION}" }, first: 100) { edges { node { ${CASE_FIELDS} } } } }`;
const ROLL = `query { paymentRoll(regionCode: "${REGION}", month: "${ROLL_MONTH}") {
  lines(first: 200) { caseId programme amount reason forMonth } } }`;

type Reader = {
  label: string;
  role: Parameters<TestApp['token']>[0];
  regions: string[];
  sub: string;
};
const READERS: Reader[] = [
  {
    label: 'child director',
    role: 'CHILD_DIRECTOR',
    regions: ['370303'],
    sub: 'attacker-director',
  },
  { label: 'supervisor', role: 'SUPERVISOR', regions: ['370303'], sub: 'attacker-supervisor' },
  { label: 'civil affairs', role: 'CIVIL_AFFAIRS', regions: [REGION], sub: 'attacker-bureau' },
  { label: 'admin', role: 'ADMIN', regions: ['*'], sub: 'attacker-admin' },
  { label: 'auditor', role: 'AUDITOR', regions: [REGION], sub: 'attacker-auditor' },
];

const nowWithOffset = () => new Date().toISOString().replace('Z', '+00:00');

type AccessEntry = { actor: { id: string; role: string }; fields: string[] };

describe('personal information: the masked ID number and one disclosure policy', () => {
  let app: TestApp;
  let bureau: string;
  const cases: { caseId: string; idNumber: string; child: Child }[] = [];
  let wrongIdNumber: string;
  let position: string;

  beforeAll(async () => {
    app = await TestApp.start();
    bureau = app.token('CIVIL_AFFAIRS', [REGION], { sub: 'setup-bureau' });
    await mustMutate(
      app,
      'setBenefitStandard',
      {
        regionCode: REGION,
        category: 'ORPHAN',
        monthlyAmount: '1978.00',
        effectiveFrom: '2024-01-01',
      },
      bureau,
    );
    for (const [i, child] of CHILDREN.entries()) {
      const idNumber = makeFictionalIdNumber('370303', child.birthDate, child.sequence);
      // the second child is first identified under a mistyped number, then corrected
      const given = i === 1 ? makeFictionalIdNumber('370303', child.birthDate, 483) : idNumber;
      if (i === 1) wrongIdNumber = given;
      const identified = await mustMutate(
        app,
        'identifyChild',
        {
          idNumber: given,
          name: child.name,
          regionCode: VILLAGE,
          source: 'VISIT',
          identifiedAt: '2024-01-15T09:00:00+08:00',
          categories: child.orphan ? ['ORPHAN'] : ['LEFT_BEHIND'],
          ...(child.guardian ? { guardian: child.guardian } : {}),
        },
        bureau,
      );
      const caseId = identified.caseId!;
      if (child.orphan)
        await mustMutate(
          app,
          'enrollInProgramme',
          { caseId, programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: '2024-03-01' },
          bureau,
        );
      cases.push({ caseId, idNumber, child });
    }
    const corrected = await app.gql<{ correctCase: { position: string } }>(
      CORRECT_CASE,
      {
        input: {
          caseId: cases[1].caseId,
          correctsRevision: 0,
          field: 'idNumber',
          to: cases[1].idNumber,
          reason: 'typo in the sequence',
        },
      },
      app.token('SUPERVISOR', ['370303']),
    );
    dataOf(corrected);
    // a court revokes the father and appoints an aunt
    await recordCourtAct(app, cases[0].caseId, {
      act: 'GUARDIANSHIP_REVOKED',
      docketNumber: '(2025)鲁0303民特8号',
      decidedOn: '2025-03-01',
      effectiveOn: '2025-03-15',
      newGuardian: { kind: 'RELATIVE', name: '赵春梅' },
    });
    position = (
      await mustMutate(
        app,
        'recordVisit',
        { caseId: cases[4].caseId, visitedAt: '2025-06-01T10:00:00+08:00' },
        bureau,
      )
    ).position;
    // the read models have it all before anyone reads
    dataOf(
      await app.gql(
        `query($p: String) { caseload(consistentWith: $p) { open } }`,
        { p: position },
        bureau,
      ),
    );
  });
  afterAll(() => app.close());

  const tokenOf = (reader: Reader) => app.token(reader.role, reader.regions, { sub: reader.sub });

  /** What `reader` can read about each case, as text; paths its role may not use are skipped. */
  async function everythingAbout(reader: Reader): Promise<Map<string, string>> {
    const token = tokenOf(reader);
    const seen = new Map<string, string>(cases.map((c) => [c.caseId, '']));
    const add = (caseId: string, value: unknown) =>
      seen.set(
        caseId,
        `${seen.get(caseId)}\n${typeof value === 'string' ? value : JSON.stringify(value)}`,
      );
    const allowed = <T>(answer: GraphQLResponse<T>): T | null => {
      if (codeOf(answer) === 'FORBIDDEN') return null;
      return dataOf(answer);
    };
    const at = nowWithOffset();
    for (const { caseId } of cases)
      for (const query of Object.values(READS)) {
        const data = allowed(await app.gql(query, { id: caseId, at }, token));
        if (data) add(caseId, data);
      }
    const list = allowed(
      await app.gql<{ cases: { edges: { node: { id: string } }[] } }>(CASES, {}, token, {}),
    );
    for (const { node } of list?.cases.edges ?? []) add(node.id, node);
    const roll = allowed(
      await app.gql<{ paymentRoll: { lines: { caseId: string }[] } }>(ROLL, {}, token),
    );
    for (const line of roll?.paymentRoll.lines ?? []) add(line.caseId, line);
    const csv = await fetch(
      `${app.url}/exports/payment-roll.csv?regionCode=${REGION}&month=${ROLL_MONTH}&consistentWith=${position}`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    if (csv.status !== 403) {
      expect(csv.status).toBe(200);
      for (const line of (await csv.text()).split('\r\n'))
        for (const { caseId } of cases) if (line.includes(caseId)) add(caseId, line);
    }
    return seen;
  }

  const accessLog = async (caseId: string) =>
    dataOf(
      await app.gql<{ accessLog: AccessEntry[] }>(
        ACCESS_LOG,
        { caseId },
        app.token('AUDITOR', ['*']),
      ),
    ).accessLog;

  describe('item 1: the ID number cannot be rebuilt from what a role reads without a logged read', () => {
    it.each(READERS.map((r) => [r.label, r] as const))(
      '%s: at least 1,000 possible numbers for every case, none in full, nothing of it logged',
      async (_, reader) => {
        const seen = await everythingAbout(reader);
        for (const { caseId, idNumber, child } of cases) {
          const text = seen.get(caseId)!;
          expect(text).toContain(child.birthDate); // the reader does know the birth date
          expect(text).toContain('370303'); // and the region of the masked number
          expect(text).not.toContain(idNumber);
          expect(text).not.toContain(wrongIdNumber);
          expect(text).not.toContain(child.name);
          const fewest = Math.min(
            fewestCandidates(text, idNumber),
            fewestCandidates(text, wrongIdNumber),
          );
          expect({ caseId, atLeast1000: fewest >= 1000 }).toEqual({ caseId, atLeast1000: true });
        }
        // nothing above read the child's name or number in full: the log names none of it
        for (const { caseId } of cases) {
          const mine = (await accessLog(caseId)).filter((e) => e.actor.id === reader.sub);
          expect(mine.flatMap((e) => e.fields)).not.toContain('idNumber');
          expect(mine.flatMap((e) => e.fields)).not.toContain('name');
        }
      },
    );

    it('the roles entitled to the number read it in full, and each read is logged', async () => {
      const query = `query($id: ID!) { case(id: $id) { child { idNumber } } }`;
      for (const reader of READERS.filter((r) => r.role !== 'AUDITOR')) {
        const { caseId, idNumber } = cases[3];
        const answer = await app.gql<{ case: { child: { idNumber: string } } }>(
          query,
          { id: caseId },
          app.token(reader.role, reader.regions, { sub: `${reader.sub}-entitled` }),
        );
        expect(dataOf(answer).case.child.idNumber).toBe(idNumber);
        expect(
          (await accessLog(caseId)).filter((e) => e.actor.id === `${reader.sub}-entitled`),
        ).toEqual([expect.objectContaining({ fields: ['idNumber'] })]);
      }
      const auditor = await app.gql(query, { id: cases[3].caseId }, app.token('AUDITOR', [REGION]));
      expect(codeOf(auditor)).toBe('FORBIDDEN');
      const elsewhere = await app.gql(
        query,
        { id: cases[3].caseId },
        app.token('CHILD_DIRECTOR', ['3301']),
      );
      expect(codeOf(elsewhere)).toBe('FORBIDDEN');
    });
  });

  describe('item 2: guardian names, one policy for every path', () => {
    const GUARDIAN = `query($id: ID!, $at: DateTime!) {
      case(id: $id) { guardian { kind name } }
      caseAsOf(caseId: $id, at: $at) { guardian { kind name } } }`;
    const HISTORY = `query($id: ID!) { caseHistory(caseId: $id) { type data } }`;
    type Guardians = {
      case: { guardian: { kind: string; name: string } | null };
      caseAsOf: { guardian: { kind: string; name: string } | null };
    };
    type Named = { name: string };
    type EventData = {
      guardian: Named;
      revokedGuardian: Named;
      newGuardian: Named;
      field: string;
      from: string;
      to: string;
    };
    type History = { caseHistory: { type: string; data: EventData }[] };

    it('an auditor sees the same masked names in case, caseAsOf and caseHistory, and nothing is logged', async () => {
      const auditor = app.token('AUDITOR', [REGION], { sub: 'policy-auditor' });
      const before = '2025-03-10T00:00:00+08:00';
      // the father before the ruling, the aunt after it
      const [first] = cases;
      const then = dataOf(
        await app.gql<Guardians>(GUARDIAN, { id: first.caseId, at: before }, auditor),
      );
      const now = dataOf(
        await app.gql<Guardians>(GUARDIAN, { id: first.caseId, at: nowWithOffset() }, auditor),
      );
      const history = dataOf(
        await app.gql<History>(HISTORY, { id: first.caseId }, auditor),
      ).caseHistory;
      const identified = history.find((e) => e.type === 'ChildIdentified')!.data;
      const revoked = history.find((e) => e.type === 'GuardianshipRevoked')!.data;
      expect(then.caseAsOf.guardian).toEqual({ kind: 'PARENT', name: '*力' });
      expect(identified.guardian.name).toBe('*力');
      expect(revoked.revokedGuardian.name).toBe('*力');
      expect(now.case.guardian).toEqual({ kind: 'RELATIVE', name: '*梅' });
      expect(now.caseAsOf.guardian).toEqual({ kind: 'RELATIVE', name: '*梅' });
      expect(revoked.newGuardian.name).toBe('*梅');

      /** The guardian's name at identification as case, caseAsOf and caseHistory show it. */
      const threeWays = async (caseId: string) => {
        const read = dataOf(
          await app.gql<Guardians>(GUARDIAN, { id: caseId, at: nowWithOffset() }, auditor),
        );
        const history = dataOf(await app.gql<History>(HISTORY, { id: caseId }, auditor));
        return [
          read.case.guardian!.name,
          read.caseAsOf.guardian!.name,
          history.caseHistory[0].data.guardian.name,
        ];
      };
      expect(await threeWays(cases[1].caseId)).toEqual(['*英', '*英', '*英']);
      // an institution is no person: its name is shown, the same everywhere
      expect(await threeWays(cases[2].caseId)).toEqual([BUREAU_NAME, BUREAU_NAME, BUREAU_NAME]);

      for (const { caseId } of cases)
        expect((await accessLog(caseId)).filter((e) => e.actor.id === 'policy-auditor')).toEqual(
          [],
        );
    });

    it('a field worker reads guardian names in full, by case, cases and caseAsOf, and every read is logged', async () => {
      const director = app.token('CHILD_DIRECTOR', ['370303'], { sub: 'policy-director' });
      const [first, second, institution] = cases;
      const read = dataOf(
        await app.gql<Guardians>(
          GUARDIAN,
          { id: first.caseId, at: nowWithOffset() },
          app.token('ADMIN', ['*'], { sub: 'policy-admin' }),
        ),
      );
      expect(read.case.guardian).toEqual({ kind: 'RELATIVE', name: '赵春梅' });
      expect(read.caseAsOf.guardian).toEqual({ kind: 'RELATIVE', name: '赵春梅' });
      expect((await accessLog(first.caseId)).filter((e) => e.actor.id === 'policy-admin')).toEqual([
        expect.objectContaining({ fields: ['guardianName'] }),
      ]);

      const list = dataOf(
        await app.gql<{
          cases: { edges: { node: { id: string; guardian: { name: string } | null } }[] };
        }>(
          `query { cases(filter: { regionCode: "370303" }, first: 50) { edges { node { id guardian { name } } } } }`,
          {},
          director,
        ),
      ).cases.edges.map((e) => e.node);
      expect(list.find((n) => n.id === second.caseId)!.guardian).toEqual({ name: '李秀英' });
      expect(list.find((n) => n.id === institution.caseId)!.guardian).toEqual({
        name: BUREAU_NAME,
      });
      for (const { caseId, child } of cases) {
        const mine = (await accessLog(caseId)).filter((e) => e.actor.id === 'policy-director');
        const isPerson = child.guardian !== null && child.guardian.kind !== 'CIVIL_AFFAIRS';
        // the page is one operation: one entry per child whose guardian is a person, none else
        expect(mine).toEqual(
          isPerson ? [expect.objectContaining({ fields: ['guardianName'] })] : [],
        );
      }
    });

    it('caseHistory masks for every reader, the entitled included: it names no one in full, so it logs nothing', async () => {
      const admin = app.token('ADMIN', ['*'], { sub: 'history-admin' });
      const history = dataOf(
        await app.gql<History>(HISTORY, { id: cases[1].caseId }, admin),
      ).caseHistory;
      const text = JSON.stringify(history);
      expect(text).not.toContain('李秀英');
      expect(text).not.toContain(cases[1].idNumber);
      expect(text).not.toContain(wrongIdNumber);
      const correction = history.find((e) => e.type === 'CaseCorrected')!.data;
      expect(correction).toMatchObject({
        field: 'idNumber',
        from: '370303************',
        to: '370303************',
      });
      expect(
        (await accessLog(cases[1].caseId)).filter((e) => e.actor.id === 'history-admin'),
      ).toEqual([]);
    });
  });
});
