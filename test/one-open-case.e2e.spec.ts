import fc from 'fast-check';
import {
  addDays,
  evolveReservation,
  initialReservationState,
  makeFictionalIdNumber,
} from '@app/domain';
import { EVENT_STORE, StreamNotFound, type EventStore } from '@app/event-store';
import { reservationStream } from '@app/runtime/streams/case-streams';
import { ACTS_PATH } from './support/agency-api';
import { MUTATIONS, RESULT } from './support/cases-api';
import { TestApp, codeOf, type GraphQLResponse } from './support/test-app';

/**
 * One open case per ID number, whatever users do: random interleavings of the commands that
 * reserve or release a number (identify, correct the ID number, close, reopen) and of those that
 * only read or keep it (transfer, an agency act naming the child by ID number), refusals included
 * (blank reasons, regions not the caller's, double submits one after the other and at once),
 * checked after every step against a deliberately simple model of who holds which number: the
 * answer's code, and the reservation streams as stored, exactly.
 */

const VILLAGE = '330102001001';
const OTHER_VILLAGE = '330102001002';
const CORRECT_CASE = `mutation($input: CorrectCaseInput!) { correctCase(input: $input) { ${RESULT} } }`;

/** `storeFails`: the event store fails the append of the case's events (a disk error, a lost link) */
type Variant = 'ok' | 'blankReason' | 'outOfRegion' | 'storeFails';
type Step =
  | {
      kind: 'identify';
      number: number;
      variant: 'ok' | 'storeFails';
      twice: boolean;
      /** the check character x written in lower case: the same number */
      lower?: boolean;
    }
  | {
      kind: 'correct';
      case: number;
      number: number;
      variant: Variant;
      twice: boolean;
      lower?: boolean;
    }
  | { kind: 'close'; case: number; variant: Variant; twice: boolean }
  | { kind: 'reopen'; case: number; variant: Variant; twice: boolean }
  | { kind: 'transfer'; case: number }
  | { kind: 'agency'; number: number };

/** The reference model: which cases exist, the number each carries, and whether it is open. */
class Model {
  readonly cases: { id: string; number: number; open: boolean; region: string }[] = [];

  holder(number: number): string | null {
    return this.cases.find((c) => c.open && c.number === number)?.id ?? null;
  }

  /** The code a single submission answers (null: success), and what it changes. */
  expect(step: Step): { code: string | null; apply: (answerCaseId?: string) => void } {
    const expected = this.expectWhenStored(step);
    const fails = 'variant' in step && step.variant === 'storeFails' && expected.code === null;
    return fails ? { code: 'INTERNAL_SERVER_ERROR', apply: () => undefined } : expected;
  }

  private expectWhenStored(step: Step): {
    code: string | null;
    apply: (answerCaseId?: string) => void;
  } {
    const none = () => undefined;
    if (step.kind === 'identify') {
      if (this.holder(step.number) !== null) return { code: 'DUPLICATE_CASE', apply: none };
      return {
        code: null,
        apply: (id) =>
          this.cases.push({ id: id!, number: step.number, open: true, region: VILLAGE }),
      };
    }
    if (step.kind === 'agency') {
      const holder = this.holder(step.number);
      return { code: holder === null ? 'NOT_FOUND' : null, apply: none };
    }
    const c = this.cases[step.case % this.cases.length];
    if (step.kind === 'transfer') {
      if (!c.open) return { code: 'ILLEGAL_TRANSITION', apply: none };
      const to = c.region === VILLAGE ? OTHER_VILLAGE : VILLAGE;
      return { code: null, apply: () => (c.region = to) };
    }
    if (step.variant === 'outOfRegion') return { code: 'FORBIDDEN', apply: none };
    if (step.kind === 'correct') {
      if (step.variant === 'blankReason') return { code: 'BAD_USER_INPUT', apply: none };
      if (c.number === step.number) return { code: 'ILLEGAL_TRANSITION', apply: none };
      if (c.open && this.holder(step.number) !== null)
        return { code: 'DUPLICATE_CASE', apply: none };
      return { code: null, apply: () => (c.number = step.number) };
    }
    // the input is checked in full before the case's state
    if (step.variant === 'blankReason') return { code: 'BAD_USER_INPUT', apply: none };
    const wanted = step.kind === 'close';
    if (c.open === wanted) {
      if (step.kind === 'reopen' && this.holder(c.number) !== null)
        return { code: 'DUPLICATE_CASE', apply: none };
      return { code: null, apply: () => (c.open = !wanted) };
    }
    return { code: 'ILLEGAL_TRANSITION', apply: none };
  }
}

describe('one open case per ID number', () => {
  let app: TestApp;
  let store: EventStore;
  let supervisor: string;
  let elsewhere: string;
  let procuratorate: string;
  let clockStep = 0;
  let failCaseAppends = false;
  let failReleases = false;
  /** reservations take a while to append, as over a network: concurrent commands overlap */
  let slowReservations = false;
  /** a fresh instant for each business time, all in the past and later than identification */
  const at = () => new Date(Date.UTC(2026, 0, 11) + clockStep++ * 1000).toISOString();

  beforeAll(async () => {
    app = await TestApp.start({
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
      RATE_LIMIT_AGENCY_PER_MINUTE: '1000000',
    });
    store = app.app.get(EVENT_STORE);
    // the fault a step may inject: the store refuses to append to a case stream
    const append = store.appendToStream.bind(store);
    store.appendToStream = async (stream, events, options) => {
      if (slowReservations && events.some((e) => e.type === 'IdNumberReserved'))
        await new Promise((resolve) => setTimeout(resolve, 30));
      return (failCaseAppends && stream.startsWith('case-')) ||
        (failReleases && events.some((e) => e.type === 'IdNumberReleased'))
        ? Promise.reject(new Error('injected store failure'))
        : append(stream, events, options);
    };
    supervisor = app.token('SUPERVISOR', ['3301']);
    elsewhere = app.token('SUPERVISOR', ['3703']);
    procuratorate = app.token('PROCURATORATE', ['33'], { agency: '杭州市上城区人民检察院' });
  });
  afterAll(() => app.close());

  const identify = (idNumber: string, token = supervisor) =>
    app.gql<Record<string, { caseId: string }>>(
      MUTATIONS.identifyChild,
      {
        input: {
          idNumber,
          name: '测试',
          regionCode: VILLAGE,
          source: 'HOTLINE',
          identifiedAt: '2026-01-10T09:00:00+08:00',
          categories: ['LEFT_BEHIND'],
          guardian: { kind: 'RELATIVE', name: '祖母' },
        },
      },
      token,
    );
  const correct = (caseId: string, to: string, reason = '户口簿为准', token = supervisor) =>
    app.gql(
      CORRECT_CASE,
      { input: { caseId, field: 'idNumber', to, reason, correctsRevision: 0 } },
      token,
    );

  /** Who holds the number, as its reservation stream says (null: free). */
  async function heldBy(idNumber: string): Promise<string | null> {
    let state = initialReservationState();
    try {
      const stream = reservationStream(app.config.identityKey, idNumber);
      for await (const e of store.readStream(stream))
        state = evolveReservation(state, e as Parameters<typeof evolveReservation>[1]);
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    return state.heldBy;
  }

  it('keeps the number a double-submitted correction moved the case to', async () => {
    const x = makeFictionalIdNumber('330102', '2013-03-03', 1);
    const y = makeFictionalIdNumber('330102', '2013-03-03', 2);
    const caseId = (await identify(x)).data!.identifyChild.caseId;
    expect((await correct(caseId, y)).errors).toBeUndefined();
    expect(codeOf(await correct(caseId, y))).toBe('ILLEGAL_TRANSITION');
    expect(await heldBy(y)).toBe(caseId);
    expect(codeOf(await identify(y))).toBe('DUPLICATE_CASE');
    // the old number is free: a new case may have it
    expect((await identify(x)).errors).toBeUndefined();
  });

  it('reserves nothing for a correction with a blank reason, so it tells nothing of other cases', async () => {
    const x = makeFictionalIdNumber('330102', '2013-03-04', 1);
    const taken = makeFictionalIdNumber('330102', '2013-03-04', 2);
    const free = makeFictionalIdNumber('330102', '2013-03-04', 3);
    const caseId = (await identify(x)).data!.identifyChild.caseId;
    await identify(taken);
    const toTaken = await correct(caseId, taken, '  ');
    const toFree = await correct(caseId, free, '  ');
    expect([codeOf(toTaken), codeOf(toFree)]).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(toTaken.errors![0].extensions!.fields).toEqual(toFree.errors![0].extensions!.fields);
    expect(await heldBy(free)).toBeNull();
  });

  it('answers a reopen outside the regions FORBIDDEN without looking at the number', async () => {
    const x = makeFictionalIdNumber('330102', '2013-03-05', 1);
    const first = (await identify(x)).data!.identifyChild.caseId;
    const close = await app.gql(
      MUTATIONS.closeCase,
      { input: { caseId: first, reason: '迁出', closedAt: at() } },
      supervisor,
    );
    expect(close.errors).toBeUndefined();
    const second = (await identify(x)).data!.identifyChild.caseId;
    const reopen = await app.gql(
      MUTATIONS.reopenCase,
      { input: { caseId: first, reason: '迁回', reopenedAt: at() } },
      elsewhere,
    );
    expect(codeOf(reopen)).toBe('FORBIDDEN');
    expect(await heldBy(x)).toBe(second);
  });

  it('lets a number whose release was lost go to the next case, and never to the old one', async () => {
    const x = makeFictionalIdNumber('330102', '2013-03-06', 1);
    const y = makeFictionalIdNumber('330102', '2013-03-06', 2);
    const caseId = (await identify(x)).data!.identifyChild.caseId;
    failReleases = true;
    const corrected = await correct(caseId, y);
    failReleases = false;
    expect(corrected.errors).toBeUndefined();
    expect(await heldBy(x)).toBe(caseId); // the release of x was lost
    const act = await fetch(`${app.url}${ACTS_PATH}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${procuratorate}`,
        'idempotency-key': 'lost-release-1',
      },
      body: JSON.stringify({
        act: 'REVOCATION_PETITIONED',
        childIdNumber: x,
        docketNumber: '(2026)浙0102民特2号',
        decidedOn: '2026-01-10',
        effectiveOn: '2026-01-10',
      }),
    });
    expect(act.status).toBe(404);
    const next = await identify(x);
    expect(next.errors).toBeUndefined();
    expect(await heldBy(x)).toBe(next.data!.identifyChild.caseId);
  });

  it('gives a number whose release was lost to one of several identifications at once', async () => {
    const x = makeFictionalIdNumber('330102', '2013-03-07', 1);
    const y = makeFictionalIdNumber('330102', '2013-03-07', 2);
    const caseId = (await identify(x)).data!.identifyChild.caseId;
    failReleases = true;
    expect((await correct(caseId, y)).errors).toBeUndefined();
    failReleases = false;
    expect(await heldBy(x)).toBe(caseId); // stale: the case carries y now
    // each finds the same stale holder; only one may take the number over from it
    slowReservations = true;
    const answers = await Promise.all([1, 2, 3].map(() => identify(x)));
    slowReservations = false;
    expect(answers.map((a) => codeOf(a) ?? 'OK').sort()).toEqual([
      'DUPLICATE_CASE',
      'DUPLICATE_CASE',
      'OK',
    ]);
    const winner = answers.find((a) => a.errors === undefined)!.data!.identifyChild.caseId;
    expect(await heldBy(x)).toBe(winner);
  });

  const variant = fc.constantFrom<Variant>(
    'ok',
    'ok',
    'ok',
    'blankReason',
    'outOfRegion',
    'storeFails',
  );
  const step = (): fc.Arbitrary<Step> => {
    const number = fc.nat({ max: 2 });
    // taken modulo the cases the run has so far
    const c = fc.nat({ max: 5 });
    return fc.oneof(
      fc.record({
        kind: fc.constant('identify' as const),
        number,
        variant: fc.constantFrom<'ok' | 'storeFails'>('ok', 'ok', 'storeFails'),
        twice: fc.boolean(),
        lower: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('correct' as const),
        case: c,
        number,
        variant,
        twice: fc.boolean(),
        lower: fc.boolean(),
      }),
      fc.record({ kind: fc.constant('close' as const), case: c, variant, twice: fc.boolean() }),
      fc.record({ kind: fc.constant('reopen' as const), case: c, variant, twice: fc.boolean() }),
      fc.record({ kind: fc.constant('transfer' as const), case: c }),
      fc.record({ kind: fc.constant('agency' as const), number }),
    );
  };
  // every run starts with two identified children, so case steps always have a case to name
  const scenario = fc.array(step(), { minLength: 1, maxLength: 12 });

  let run = 0;
  it('holds under random interleavings, refusals and double submits included', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (steps) => {
        const birth = addDays('2011-01-01', run++);
        const numbers = pool(birth);
        const model = new Model();
        for (const number of [0, 1])
          await perform(model, numbers, { kind: 'identify', number, variant: 'ok', twice: false });
        for (const s of steps) await perform(model, numbers, s);
      }),
      { numRuns: 40 },
    );
  });

  async function perform(model: Model, numbers: string[], s: Step): Promise<void> {
    const expected = model.expect(s);
    const once = () => send(model, numbers, s);
    const fails = 'variant' in s && s.variant === 'storeFails';
    const twice = 'twice' in s && s.twice && !fails;
    failCaseAppends = fails;
    const answers = twice ? await Promise.all([once(), once()]) : [await once()];
    failCaseAppends = false;
    const codes = answers.map((a) => a.code);
    const label = JSON.stringify(s);
    if (expected.code !== null) {
      // a refusal stays a refusal when sent twice
      expect({ label, codes }).toEqual({ label, codes: codes.map(() => expected.code) });
    } else {
      // exactly one submission of a double submit wins; the other is refused for what it changed
      const wins = answers.filter((a) => a.code === null);
      expect({ label, wins: wins.length }).toEqual({ label, wins: 1 });
      for (const a of answers.filter((x) => x.code !== null))
        expect(['ILLEGAL_TRANSITION', 'DUPLICATE_CASE', 'CONFLICT']).toContain(a.code);
      if (s.kind === 'agency') expect(wins[0].caseId).toBe(model.holder(s.number));
      expected.apply(wins[0].caseId);
    }
    for (const [i, idNumber] of numbers.entries())
      expect({ label, number: i, heldBy: await heldBy(idNumber) }).toEqual({
        label,
        number: i,
        heldBy: model.holder(i),
      });
  }

  async function send(
    model: Model,
    numbers: string[],
    s: Step,
  ): Promise<{ code: string | null; caseId?: string }> {
    const spelled = (n: number, lower?: boolean) => (lower ? numbers[n].toLowerCase() : numbers[n]);
    if (s.kind === 'identify')
      return answer(await identify(spelled(s.number, s.lower)), 'identifyChild');
    if (s.kind === 'agency') {
      const response = await fetch(`${app.url}${ACTS_PATH}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${procuratorate}`,
          'idempotency-key': `prop-${run}-${clockStep++}`,
        },
        body: JSON.stringify({
          act: 'REVOCATION_PETITIONED',
          childIdNumber: numbers[s.number],
          docketNumber: '(2026)浙0102民特1号',
          decidedOn: '2026-01-10',
          effectiveOn: '2026-01-10',
        }),
      });
      const body = (await response.json()) as { caseId?: string; code?: string };
      return response.status < 300 ? { code: null, caseId: body.caseId } : { code: body.code! };
    }
    const c = model.cases[s.case % model.cases.length];
    if (s.kind === 'transfer') {
      const to = c.region === VILLAGE ? OTHER_VILLAGE : VILLAGE;
      const input = { caseId: c.id, toRegionCode: to, transferredAt: at() };
      return answer(await app.gql(MUTATIONS.transferCase, { input }, supervisor), 'transferCase');
    }
    const token = s.variant === 'outOfRegion' ? elsewhere : supervisor;
    const reason = s.variant === 'blankReason' ? ' ' : '核实';
    if (s.kind === 'correct')
      return answer(await correct(c.id, spelled(s.number, s.lower), reason, token), 'correctCase');
    const name = s.kind === 'close' ? 'closeCase' : 'reopenCase';
    const time = s.kind === 'close' ? { closedAt: at() } : { reopenedAt: at() };
    const input = { caseId: c.id, reason, ...time };
    return answer(await app.gql(MUTATIONS[name], { input }, token), name);
  }
});

/** Three numbers of a birth date, the first ending in X (so a lower-case x gets written). */
function pool(birth: string): string[] {
  const numbers: string[] = [];
  for (let seq = 1; numbers.length < 3; seq++) {
    const id = makeFictionalIdNumber('330102', birth, seq);
    if (numbers.length > 0 || id.endsWith('X')) numbers.push(id);
  }
  return numbers;
}

function answer(
  response: GraphQLResponse,
  field: string,
): { code: string | null; caseId?: string } {
  if (response.errors?.length) return { code: codeOf(response) ?? 'UNKNOWN' };
  return { code: null, caseId: (response.data![field] as { caseId: string }).caseId };
}
