import { DEFAULT_POLICY } from '../policy/case-policy';
import fc from 'fast-check';
import { graduationGrantStandardFen } from '../age-out/review-age-out';
import { decide } from '../case/case.decider';
import type { CaseCommand } from '../case/case.commands';
import { evolve } from '../case/case.evolve';
import { initialCaseState, type CaseState, type ExistingCase } from '../case/case.state';
import { DomainError } from '../shared/errors';
import type { BenefitStandard } from '../standards/standard.events';
import { standardLookupFrom } from '../standards/standard-in-force';
import { commandOf, identifyData } from '../testing/money-commands';
import { FIRST_MONTH, WORLD_NOW, worldArb, type World } from '../testing/money-world';
import { ReferenceMoney } from '../testing/reference-money';
import { statusOn, timelineOf } from './case-timeline';
import { owedForMonth } from './owed';

const CIVIL = { id: 'civil-1', role: 'CIVIL_AFFAIRS' as const };
const MONTHS = Array.from({ length: 60 }, (_, i) => {
  const [y, m] = FIRST_MONTH.split('-').map(Number);
  const k = y * 12 + (m - 1) + i;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
});

/** The world played on the domain alone: every step through `decide`, refusals dropped. */
function play(world: World, onReview?: (before: ExistingCase, after: ExistingCase) => void) {
  const reference = new ReferenceMoney();
  const standards: BenefitStandard[] = [];
  const states: CaseState[] = world.cases.map((spec, i) => {
    reference.identify(spec);
    const command = {
      type: 'IdentifyChild',
      caseId: `case-${i}`,
      actor: CIVIL,
      now: WORLD_NOW,
      data: identifyData(spec, i),
    } as CaseCommand;
    return decide(command, initialCaseState(), DEFAULT_POLICY).reduce(evolve, initialCaseState());
  });
  for (const step of world.steps) {
    if (step.kind === 'standard') {
      const { regionCode, category, fen, from } = step;
      standards.push({ regionCode, category, monthlyAmountFen: fen, effectiveFrom: from });
      reference.standard(step);
    }
    if (step.kind !== 'case') continue;
    const i = step.case % states.length;
    const before = states[i] as ExistingCase;
    const input = commandOf(step.op, step.instant);
    if (input.type === 'ReviewAgeOut')
      input.data = {
        ...input.data,
        grantStandardFen: graduationGrantStandardFen(
          before,
          standardLookupFrom(standards),
          DEFAULT_POLICY,
        ),
      };
    const command = { ...input, caseId: `case-${i}`, actor: CIVIL, now: WORLD_NOW } as CaseCommand;
    let events;
    try {
      events = decide(command, before, DEFAULT_POLICY);
    } catch (error) {
      if (error instanceof DomainError) continue;
      throw error;
    }
    states[i] = events.reduce(evolve, before);
    if (step.op.kind === 'review') onReview?.(before, states[i] as ExistingCase);
    else reference.apply(i, step.op);
  }
  return { states: states as ExistingCase[], reference, lookup: standardLookupFrom(standards) };
}

const key = (l: { programme: string; reason: string }) => `${l.programme}/${l.reason}`;
const byKey = (lines: { programme: string; reason: string; amountFen?: number; fen?: number }[]) =>
  lines.map((l) => `${key(l)}=${l.amountFen ?? l.fen}`).sort();

describe('what a case is owed, month by month, against the reference model', () => {
  it('equals the reference for random histories (rolls and forecasts)', () => {
    fc.assert(
      fc.property(worldArb(), (world) => {
        const { states, reference, lookup } = play(world);
        states.forEach((state, i) => {
          const t = timelineOf(state, DEFAULT_POLICY);
          for (const month of MONTHS)
            for (const expectedGraduations of [false, true])
              expect([
                month,
                expectedGraduations,
                byKey(owedForMonth(t, month, lookup, { expectedGraduations })),
              ]).toEqual([
                month,
                expectedGraduations,
                byKey(reference.owed(i, month, expectedGraduations)),
              ]);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('never changes because an age-out review ran', () => {
    fc.assert(
      fc.property(worldArb(), (world) => {
        const reviewed: [ExistingCase, ExistingCase][] = [];
        const { lookup } = play(world, (before, after) => reviewed.push([before, after]));
        for (const [before, after] of reviewed) {
          const [t0, t1] = [timelineOf(before, DEFAULT_POLICY), timelineOf(after, DEFAULT_POLICY)];
          for (const month of MONTHS) {
            expect(owedForMonth(t1, month, lookup)).toEqual(owedForMonth(t0, month, lookup));
            expect(statusOn(t1, `${month}-01`)).toBe(statusOn(t0, `${month}-01`));
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
