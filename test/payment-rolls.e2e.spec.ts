import { makeFictionalIdNumber, paymentRollStreamId } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { PaymentRolls } from '@app/read-models';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CommandPath } from '../apps/api/src/command/command-path';
import { LogHead } from '@app/runtime/event-store/log-head';
import { ReadConsistency } from '../apps/api/src/read-models/read-consistency';
import { RequestReadsProvider } from '../apps/api/src/read-models/request-reads';
import {
  IssuePaymentRollCommand,
  IssuePaymentRollHandler,
} from '../apps/api/src/rolls/issue-payment-roll';
import { mustMutate, type MutationName } from './support/cases-api';
import { ISSUE_PAYMENT_ROLL, PAYMENT_ROLL_KNOWN } from './support/roll-driver';
import { codeOf, TestApp } from './support/test-app';

const TODAY = '2026-04-10T10:00:00+08:00';
const ZIBO = '370303001001';
const HANGZHOU = '330102001001';

type Roll = {
  issued: boolean;
  issuedAt: string | null;
  total: string;
  lines: { caseId: string; regionCode: string; amount: string; reason: string; forMonth: string }[];
};

describe('issued payment rolls through the contract', () => {
  let app: TestApp;
  let bureau: string;
  let position = '';
  let sequence = 0;

  beforeAll(async () => {
    app = await TestApp.start();
    app.setNow(TODAY, { ticking: true });
    bureau = app.token('CIVIL_AFFAIRS', ['3703', '3301'], { sub: 'bureau' });
    await run('setBenefitStandard', {
      regionCode: '3703',
      category: 'DE_FACTO_UNSUPPORTED',
      monthlyAmount: '1800.00',
      effectiveFrom: '2024-01-01',
    });
    await run('setBenefitStandard', {
      regionCode: '3301',
      category: 'DE_FACTO_UNSUPPORTED',
      monthlyAmount: '2000.00',
      effectiveFrom: '2024-01-01',
    });
  });
  afterAll(() => app.close());

  async function run(name: MutationName, input: Record<string, unknown>) {
    const result = await mustMutate(app, name, input, bureau);
    position = result.position;
    return result;
  }
  async function paidChild(village = ZIBO) {
    sequence += 1;
    const { caseId } = await run('identifyChild', {
      idNumber: makeFictionalIdNumber(village.slice(0, 6), '2013-03-03', sequence),
      name: `花名册${sequence}`,
      regionCode: village,
      source: 'VISIT',
      identifiedAt: '2024-12-15T09:00:00+08:00',
      categories: ['DE_FACTO_UNSUPPORTED'],
    });
    await run('enrollInProgramme', {
      caseId,
      programme: 'BASIC_LIVING_ALLOWANCE',
      effectiveFrom: '2025-01-01',
    });
    return caseId!;
  }
  const issue = (regionCode: string, month: string, token = bureau) =>
    app.gql<{ issuePaymentRoll: { caseId: string | null; position: string } }>(
      ISSUE_PAYMENT_ROLL,
      { input: { regionCode, month } },
      token,
    );
  async function roll(regionCode: string, month: string, knownAt?: string): Promise<Roll> {
    const response = await app.gql<{ paymentRoll: Roll }>(
      PAYMENT_ROLL_KNOWN,
      { regionCode, month, knownAt, consistentWith: position },
      bureau,
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.paymentRoll;
  }
  const mine = (r: Roll, caseId: string) =>
    r.lines
      .filter((l) => l.caseId === caseId)
      .map((l) => `${l.reason} ${l.forMonth} ${l.amount} ${l.regionCode}`);
  const now = () => app.app.get<Clock>(CLOCK).now().toISOString();

  it('freezes what a month pays; a standard raised back to it later is arrears of the next roll', async () => {
    const caseId = await paidChild();
    const issued = await issue('370303', '2025-02');
    expect(issued.data?.issuePaymentRoll.caseId).toBeNull();
    position = issued.data!.issuePaymentRoll.position;
    const before = await roll('370303', '2025-02');
    expect(before).toMatchObject({ issued: true, issuedAt: expect.any(String) });
    await run('setBenefitStandard', {
      regionCode: '3703',
      category: 'DE_FACTO_UNSUPPORTED',
      monthlyAmount: '1900.00',
      effectiveFrom: '2025-02-01',
    });
    expect(await roll('370303', '2025-02')).toEqual(before);
    expect(mine(await roll('3703', '2025-03'), caseId)).toEqual([
      `MONTHLY 2025-03 1900.00 ${ZIBO}`,
      `ARREARS 2025-02 100.00 ${ZIBO}`,
    ]);
  });

  it('answers the roll as the system knew it, before and after it was issued', async () => {
    const caseId = await paidChild('370303009001');
    const beforeIssue = now();
    await new Promise((resolve) => setTimeout(resolve, 5));
    position = (await issue('370303009', '2025-04')).data!.issuePaymentRoll.position;
    const afterIssue = now();
    await run('closeCase', { caseId, reason: 'moved away', closedAt: '2025-03-15T10:00:00+08:00' });
    expect((await roll('370303009', '2025-04', beforeIssue)).issued).toBe(false);
    expect(mine(await roll('370303009', '2025-04', afterIssue), caseId)).toEqual([
      `MONTHLY 2025-04 1900.00 370303009001`,
    ]);
    // the closure recorded later: the issued roll stands, the next one recovers the month
    expect(mine(await roll('370303009', '2025-05', afterIssue), caseId)).toEqual([
      `MONTHLY 2025-05 1900.00 370303009001`,
    ]);
    expect(mine(await roll('370303009', '2025-05'), caseId)).toEqual([
      `CLAWBACK 2025-04 -1900.00 370303009001`,
    ]);
  });

  it('refuses a second issue of an overlapping prefix, and issues a region beside it', async () => {
    await issue('3703', '2025-06');
    const admin = app.token('ADMIN', ['*']);
    for (const prefix of ['3703', '370303', '37'])
      expect([prefix, codeOf(await issue(prefix, '2025-06', admin))]).toEqual([
        prefix,
        'ROLL_ALREADY_ISSUED',
      ]);
    expect((await issue('3301', '2025-06')).errors).toBeUndefined();
  });

  it('writes one roll for a double submit, and for two processes racing', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => issue('3703', '2025-07')));
    expect(answers.map((a) => codeOf(a) ?? 'ISSUED').sort()).toEqual([
      'ISSUED',
      ...Array(4).fill('ROLL_ALREADY_ISSUED'),
    ]);
    // a second process: its own command path (its own cache of the stream) on the same store
    const other = new IssuePaymentRollHandler(
      new CommandPath(
        app.app.get<EventStore>(EVENT_STORE),
        app.app.get(CLOCK),
        app.app.get(LogHead),
      ),
      app.app.get(PaymentRolls),
      app.app.get(ReadConsistency),
      app.app.get(RequestReadsProvider),
      app.app.get(CLOCK),
    );
    const principal = { id: 'bureau', role: 'CIVIL_AFFAIRS' as const, regions: ['3703'] };
    const raced = await Promise.allSettled(
      [other, app.app.get(IssuePaymentRollHandler), other].map((h, i) =>
        h.execute(
          new IssuePaymentRollCommand(
            { regionCode: '370303', month: '2025-08' },
            { principal, correlationId: `race-${i}` },
          ),
        ),
      ),
    );
    expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const events = [];
    for await (const e of app.app
      .get<EventStore>(EVENT_STORE)
      .readStream(paymentRollStreamId('2025-08')))
      events.push(e);
    expect(events.map((e) => e.type)).toEqual(['PaymentRollIssued']);
  });

  it('refuses a month not begun in China time, and takes it from midnight', async () => {
    app.setNow('2026-04-30T15:59:59Z');
    try {
      const early = await issue('3703', '2026-05');
      expect(codeOf(early)).toBe('BAD_USER_INPUT');
      expect(early.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['month']);
      app.setNow('2026-04-30T16:00:00Z');
      expect((await issue('3703', '2026-05')).errors).toBeUndefined();
    } finally {
      app.setNow(TODAY, { ticking: true });
    }
  });

  it('pays the arrears of a case transferred between rolls in the roll of its new region', async () => {
    const caseId = await paidChild();
    await issue('3703', '2025-09');
    await run('transferCase', {
      caseId,
      toRegionCode: HANGZHOU,
      transferredAt: '2025-09-20T10:00:00+08:00',
    });
    await run('setBenefitStandard', {
      regionCode: '3703',
      category: 'DE_FACTO_UNSUPPORTED',
      monthlyAmount: '1950.00',
      effectiveFrom: '2025-09-01',
    });
    expect(mine(await roll('3703', '2025-10'), caseId)).toEqual([]);
    expect(mine(await roll('3301', '2025-10'), caseId)).toEqual([
      `MONTHLY 2025-10 2000.00 ${HANGZHOU}`,
      `ARREARS 2025-09 50.00 ${HANGZHOU}`,
    ]);
  });

  it('lets only civil affairs and admins issue, inside their regions, naming every bad field', async () => {
    const director = app.token('CHILD_DIRECTOR', ['3703']);
    expect(codeOf(await issue('3703', '2025-10', director))).toBe('FORBIDDEN');
    expect(codeOf(await issue('3301', '2025-10', app.token('CIVIL_AFFAIRS', ['3703'])))).toBe(
      'FORBIDDEN',
    );
    const bad = await issue('37x', '2025-13');
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.fields?.map((f) => f.field).sort()).toEqual([
      'input.month',
      'input.regionCode',
    ]);
  });
});

describe('the worked example of docs/domain.md', () => {
  it('pays, adjusts and recovers as the example says', async () => {
    const app = await TestApp.start();
    try {
      const bureau = app.token('CIVIL_AFFAIRS', ['3703'], { sub: 'bureau' });
      let position = '';
      const at = (instant: string) => app.setNow(instant, { ticking: true });
      const run = async (name: MutationName, input: Record<string, unknown>) =>
        (position = (await mustMutate(app, name, input, bureau)).position);
      const issue = async (month: string) => {
        const answer = await app.gql<{ issuePaymentRoll: { position: string } }>(
          ISSUE_PAYMENT_ROLL,
          { input: { regionCode: '3703', month } },
          bureau,
        );
        if (!answer.data) throw new Error(JSON.stringify(answer.errors));
        position = answer.data.issuePaymentRoll.position;
      };
      const roll = async (month: string, knownAt?: string) => {
        const response = await app.gql<{ paymentRoll: Roll }>(
          PAYMENT_ROLL_KNOWN,
          { regionCode: '3703', month, knownAt, consistentWith: position },
          bureau,
        );
        const r = response.data!.paymentRoll;
        return [r.issued, ...r.lines.map((l) => `${l.reason} ${l.amount} for ${l.forMonth}`)];
      };

      at('2026-01-05T09:00:00+08:00');
      await run('setBenefitStandard', {
        regionCode: '3703',
        category: 'DE_FACTO_UNSUPPORTED',
        monthlyAmount: '1978.00',
        effectiveFrom: '2024-01-01',
      });
      const { caseId } = await mustMutate(
        app,
        'identifyChild',
        {
          idNumber: makeFictionalIdNumber('370303', '2012-05-10', 901),
          name: '示例',
          regionCode: ZIBO,
          source: 'VISIT',
          identifiedAt: '2025-12-20T09:00:00+08:00',
          categories: ['DE_FACTO_UNSUPPORTED'],
        },
        bureau,
      );
      await run('enrollInProgramme', {
        caseId,
        programme: 'BASIC_LIVING_ALLOWANCE',
        effectiveFrom: '2026-01-01',
      });
      at('2026-02-03T10:00:00+08:00');
      await issue('2026-01');
      at('2026-03-02T10:00:00+08:00');
      await issue('2026-02');
      at('2026-03-10T10:00:00+08:00');
      await run('setBenefitStandard', {
        regionCode: '3703',
        category: 'DE_FACTO_UNSUPPORTED',
        monthlyAmount: '2100.00',
        effectiveFrom: '2026-02-01',
      });
      at('2026-03-20T12:00:00+08:00');
      const march = [false, 'MONTHLY 2100.00 for 2026-03', 'ARREARS 122.00 for 2026-02'];
      expect(await roll('2026-03')).toEqual(march);
      at('2026-04-01T10:00:00+08:00');
      await issue('2026-03');
      at('2026-04-15T10:00:00+08:00');
      await run('closeCase', {
        caseId,
        reason: 'moved away',
        closedAt: '2026-02-20T10:00:00+08:00',
      });
      expect(await roll('2026-01')).toEqual([true, 'MONTHLY 1978.00 for 2026-01']);
      expect(await roll('2026-02')).toEqual([true, 'MONTHLY 1978.00 for 2026-02']);
      expect(await roll('2026-03')).toEqual([true, ...march.slice(1)]);
      expect(await roll('2026-03', '2026-03-20T12:00:00+08:00')).toEqual(march);
      expect(await roll('2026-04')).toEqual([false, 'CLAWBACK -2100.00 for 2026-03']);
    } finally {
      await app.close();
    }
  });
});
