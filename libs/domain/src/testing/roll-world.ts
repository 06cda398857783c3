import type {
  CaseOp,
  CaseSpec,
  ForecastProbe,
  InstantStyle,
  StandardSpec,
  World,
} from './money-world';
import { PREFIXES, VILLAGES, WINDOW_MONTHS } from './money-world';
import { ReferenceMoney } from './reference-money';
import { ReferenceRolls, type RefRollLine } from './reference-rolls';

/** A line as a service answers it. */
export type ServiceLine = {
  caseId: string;
  regionCode: string;
  programme: string;
  reason: string;
  forMonth: string;
  amountFen: number;
};

export type ServiceRoll = { issued: boolean; lines: ServiceLine[] };

/** How a roll spec speaks to a service (through its stores, or GraphQL as a client would). */
export interface RollWorldDriver {
  identify(spec: CaseSpec, index: number): Promise<string>;
  /** a case's step as a caseworker would send it; false when the service refused it */
  caseStep(caseId: string, op: CaseOp, instant: InstantStyle): Promise<boolean>;
  standard(spec: StandardSpec): Promise<void>;
  issue(regionCode: string, month: string): Promise<'ISSUED' | 'ALREADY_ISSUED'>;
  roll(regionCode: string, month: string, knownAt?: string): Promise<ServiceRoll>;
  /** an instant after all that was recorded so far, before anything recorded after it */
  moment(): Promise<string>;
  forecast(
    regionCode: string,
    probe: ForecastProbe,
  ): Promise<{ months: { month: string; count: number; totalFen: number }[]; totalFen: number }>;
}

const SETTLE_MONTHS = [...WINDOW_MONTHS, '2026-07'];

/**
 * Plays a world against a service and the reference model together, and checks: each roll as it
 * is issued (and refused when it overlaps one), the rolls at the end for the probed months, the
 * roll as known after the probed step (`knownAt`), and, once every roll of the window and the
 * month after is issued, that all lines ever paid for each case-month sum to what it was owed.
 */
export async function playRollWorld(world: World, driver: RollWorldDriver): Promise<void> {
  const money = new ReferenceMoney();
  const rolls = new ReferenceRolls(money);
  const ids: string[] = [];
  for (const [i, spec] of world.cases.entries()) {
    ids.push(await driver.identify(spec, i));
    money.identify(spec);
  }
  const keyOf = lineKeys(ids);
  const accepted: boolean[] = [];
  let probeMoment = '';
  for (const [k, step] of world.steps.entries()) {
    if (step.kind === 'case') {
      const c = step.case % ids.length;
      accepted[k] = await driver.caseStep(ids[c], step.op, step.instant);
      if (accepted[k] && step.op.kind !== 'review') money.apply(c, step.op);
    } else if (step.kind === 'standard') {
      await driver.standard(step);
      money.standard(step);
    } else {
      const expected = rolls.issue(step.regionCode, step.month) ? 'ISSUED' : 'ALREADY_ISSUED';
      expect([
        step.regionCode,
        step.month,
        await driver.issue(step.regionCode, step.month),
      ]).toEqual([step.regionCode, step.month, expected]);
      if (expected === 'ISSUED')
        await expectRoll(driver, keyOf, rolls, step.regionCode, step.month);
    }
    if (k === world.probe.step) probeMoment = await driver.moment();
  }
  for (const month of world.probe.months)
    for (const prefix of PREFIXES) await expectRoll(driver, keyOf, rolls, prefix, month);
  for (const prefix of ['33', '3703'])
    await expectForecast(driver, rolls, prefix, world.probe.forecast);
  // the roll as it was known after the probed step
  const then = replay(world, accepted);
  for (const month of world.probe.months)
    for (const prefix of ['33', '3703'])
      await expectRoll(driver, keyOf, then, prefix, month, probeMoment);
  await settle(driver, rolls);
  await expectPaidAsOwed(driver, money, ids);
}

/** The reference as it stood after the probed step (the service's refusals as they were). */
function replay(world: World, accepted: boolean[]): ReferenceRolls {
  const money = new ReferenceMoney();
  const rolls = new ReferenceRolls(money);
  world.cases.forEach((spec) => money.identify(spec));
  for (const [k, step] of world.steps.slice(0, world.probe.step + 1).entries()) {
    if (step.kind === 'case' && accepted[k] && step.op.kind !== 'review')
      money.apply(step.case % world.cases.length, step.op);
    if (step.kind === 'standard') money.standard(step);
    if (step.kind === 'issue') rolls.issue(step.regionCode, step.month);
  }
  return rolls;
}

/** Issues every roll of the window and the month after, the top prefixes first, then villages. */
async function settle(driver: RollWorldDriver, rolls: ReferenceRolls): Promise<void> {
  for (const month of SETTLE_MONTHS)
    for (const prefix of ['33', '3703', ...VILLAGES]) {
      const expected = rolls.issue(prefix, month) ? 'ISSUED' : 'ALREADY_ISSUED';
      expect([prefix, month, await driver.issue(prefix, month)]).toEqual([prefix, month, expected]);
    }
}

/** "The sum of all lines ever paid for a case-month equals what the reference says it was owed." */
async function expectPaidAsOwed(driver: RollWorldDriver, money: ReferenceMoney, ids: string[]) {
  const paid = new Map<string, number>();
  for (const month of SETTLE_MONTHS)
    for (const village of VILLAGES) {
      const roll = await driver.roll(village, month);
      expect(roll.issued).toBe(true);
      for (const l of roll.lines) {
        const key = `${ids.indexOf(l.caseId)} ${l.forMonth}`;
        paid.set(key, (paid.get(key) ?? 0) + l.amountFen);
      }
    }
  for (const [i] of ids.entries())
    for (const month of WINDOW_MONTHS) {
      const owed = money.owed(i, month).reduce((s, l) => s + l.fen, 0);
      expect([i, month, paid.get(`${i} ${month}`) ?? 0]).toEqual([i, month, owed]);
    }
}

async function expectRoll(
  driver: RollWorldDriver,
  keyOf: (l: ServiceLine) => string,
  rolls: ReferenceRolls,
  prefix: string,
  month: string,
  knownAt?: string,
): Promise<void> {
  const actual = await driver.roll(prefix, month, knownAt);
  const expected = rolls.roll(prefix, month);
  const label = [prefix, month, knownAt ?? 'now'];
  expect([...label, actual.issued, actual.lines.map(keyOf).sort()]).toEqual([
    ...label,
    expected.issued,
    expected.lines.map(refKey).sort(),
  ]);
}

/** "what the rolls would pay month by month ... with the hypothetical standards applied" */
async function expectForecast(
  driver: RollWorldDriver,
  rolls: ReferenceRolls,
  prefix: string,
  probe: ForecastProbe,
): Promise<void> {
  const overrides = probe.overrides.map(({ category, fen, from }) => ({ category, fen, from }));
  const months = Array.from({ length: probe.months }, (_, i) => {
    const [y, m] = probe.fromMonth.split('-').map(Number);
    const k = y * 12 + m - 1 + i;
    const month = `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
    const { lines } = rolls.roll(prefix, month, true, overrides);
    return { month, count: lines.length, totalFen: lines.reduce((s, l) => s + l.fen, 0) };
  });
  const totalFen = months.reduce((s, m) => s + m.totalFen, 0);
  expect([prefix, probe, await driver.forecast(prefix, probe)]).toEqual([
    prefix,
    probe,
    { months, totalFen },
  ]);
}

const refKey = (l: RefRollLine) =>
  `${l.caseIndex} ${l.programme} ${l.reason} ${l.forMonth} ${l.fen} ${l.region}`;

function lineKeys(ids: string[]) {
  return (l: ServiceLine) =>
    `${ids.indexOf(l.caseId)} ${l.programme} ${l.reason} ${l.forMonth} ${l.amountFen} ${l.regionCode}`;
}
