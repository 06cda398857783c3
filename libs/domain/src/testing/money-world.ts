import fc from 'fast-check';

/**
 * Random worlds for the money property tests: a few children in a few villages, standards set
 * and raised (some back-dated), and facts recorded in random order, many of them late: categories
 * changing, the allowance starting and ending, one-off grants, closures and reopenings, transfers,
 * study and graduations, age-out reviews, and (for the roll specs) rolls issued in between.
 * Dates lean on month boundaries, and births on the first, the last day and 29 February.
 */

export const CATEGORIES = [
  'ORPHAN',
  'DE_FACTO_UNSUPPORTED',
  'MINIMUM_LIVING',
  'LEFT_BEHIND',
] as const;
export type WorldCategory = (typeof CATEGORIES)[number];
export const VILLAGES = ['330102001001', '330102002001', '330106001001', '370303001001'] as const;
export const PREFIXES = ['33', '3301', '330102', '3703'] as const;
const LEVELS = ['SENIOR_SECONDARY', 'UNDERGRADUATE', 'GAOKAO_RETAKE', 'PRIMARY', 'NONE'] as const;

/** Business dates of the worlds lie in these months (inclusive). */
export const FIRST_MONTH = '2024-01';
const FIRST_DAY = '2024-01-01';
const LAST_DAY = '2027-12-31';
export const LAST_MONTH = '2027-12';
/** Rolls are issued for these months (inclusive); the settling issues the month after too. */
export const ROLL_WINDOW = { first: '2025-07', last: '2026-06' };
export const WINDOW_MONTHS = Array.from({ length: 12 }, (_, i) => {
  const k = 2025 * 12 + 6 + i;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
});

/** The clock of the worlds: every business date above is in its past. */
export const WORLD_NOW = '2028-01-15T12:00:00+08:00';

export type CaseSpec = {
  birthDate: string;
  identifiedOn: string;
  regionCode: string;
  categories: WorldCategory[];
};

export type CaseOp =
  | { kind: 'categories'; on: string; categories: WorldCategory[] }
  | { kind: 'enrol'; on: string }
  | { kind: 'endAllowance'; on: string }
  | { kind: 'oneOff'; on: string; fen: number }
  | { kind: 'close'; on: string }
  | { kind: 'reopen'; on: string }
  | { kind: 'transfer'; on: string; regionCode: string }
  | {
      kind: 'education';
      on: string;
      level: (typeof LEVELS)[number];
      fullTime: boolean;
      expected: string | null;
    }
  | { kind: 'graduation'; on: string }
  | { kind: 'review'; on: string };

export type StandardSpec = {
  regionCode: string;
  category: WorldCategory;
  fen: number;
  from: string;
};

export type Step =
  | { kind: 'case'; case: number; op: CaseOp; instant: InstantStyle }
  | ({ kind: 'standard' } & StandardSpec)
  | { kind: 'issue'; regionCode: string; month: string };

/** How a date-time for a business date is written: midnight China time, the same in UTC, late evening. */
export type InstantStyle = 'midnight' | 'utc' | 'evening';

/** A forecast a bureau might ask for: months from a month, with hypothetical standards. */
export type ForecastProbe = {
  fromMonth: string;
  months: number;
  overrides: { category: WorldCategory; fen: number; from: string }[];
};

/** Where a roll spec looks closely: the step after which to ask `knownAt`, months, a forecast. */
export type Probe = { step: number; months: string[]; forecast: ForecastProbe };

export type World = { cases: CaseSpec[]; steps: Step[]; probe: Probe };

const monthIndex = fc.integer({ min: 0, max: 47 });
const monthAt = (i: number) => {
  const year = 2024 + Math.floor(i / 12);
  return `${year}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
};

/** A date in the worlds' months, often on the first, second, penultimate or last day. */
export const dateArb = fc
  .tuple(monthIndex, fc.oneof(fc.constantFrom(1, 2, -1, 0), fc.integer({ min: 3, max: 27 })))
  .map(([i, d]) => {
    const month = monthAt(i);
    const day = d > 0 ? d : lastDay(month) + d;
    return `${month}-${String(day).padStart(2, '0')}`;
  });

export const monthArb = monthIndex.map(monthAt);

const birthArb = fc
  .tuple(
    fc.integer({ min: 2007, max: 2013 }),
    fc.integer({ min: 1, max: 12 }),
    fc.constantFrom(1, 0, 15),
  )
  .map(([y, m, d]) => {
    if (m === 2 && d === 0 && y % 4 === 0) return `${y}-02-29`;
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const day = d === 0 ? lastDay(month) : d;
    return `${month}-${String(day).padStart(2, '0')}`;
  });

const categoriesArb = fc.oneof(
  fc.subarray([...CATEGORIES], { minLength: 0, maxLength: 2 }),
  fc
    .subarray([...CATEGORIES], { minLength: 1, maxLength: 2 })
    .map((c) =>
      c.includes('ORPHAN') || c.includes('DE_FACTO_UNSUPPORTED')
        ? c
        : ['DE_FACTO_UNSUPPORTED' as const, ...c],
    ),
);

const caseArb: fc.Arbitrary<CaseSpec> = fc
  .record({
    birthDate: birthArb,
    identifiedOn: dateArb,
    regionCode: fc.constantFrom(...VILLAGES),
    categories: categoriesArb,
  })
  .map((c) => {
    // identified as a child: after birth, before the 18th birthday
    const last = `${Number(c.birthDate.slice(0, 4)) + 18}-01-01`;
    // and by mid-2026: the service's input checks take "not in the future" from the real clock
    const identifiedOn = c.identifiedOn > '2026-06-30' ? '2026-06-30' : c.identifiedOn;
    return { ...c, identifiedOn: identifiedOn >= last ? FIRST_DAY : identifiedOn };
  });

const DAY_MS = 86_400_000;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const clamp = (date: string) => (date < FIRST_DAY ? FIRST_DAY : date > LAST_DAY ? LAST_DAY : date);
/** A date `from` to `to` days after `date` (in the worlds' range), often a month's first or last day. */
const around = (date: string, from: number, to: number) =>
  fc.tuple(fc.integer({ min: from, max: to }), fc.constantFrom(0, 0, 1, -1)).map(([days, edge]) => {
    const day = shift(date, days);
    if (edge === 0) return clamp(day);
    const first = `${day.slice(0, 7)}-01`;
    return clamp(edge > 0 ? first : shift(first, -1));
  });

/** The facts of one child, in the order they are recorded; dates around its 18th birthday often. */
function opsArb(spec: CaseSpec): fc.Arbitrary<CaseOp[]> {
  const birthday = `${Number(spec.birthDate.slice(0, 4)) + 18}${spec.birthDate.slice(4)}`;
  // any date, one near the 18th birthday, or one in the months rolls are issued for
  const date = fc.oneof(dateArb, around(birthday, -400, 200), around('2025-07-01', -60, 150));
  const early = fc.oneof(dateArb, around('2024-09-01', -240, 300));
  const op: fc.Arbitrary<CaseOp> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('categories' as const),
        on: date,
        categories: categoriesArb,
      }),
    },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('enrol' as const), on: early }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('endAllowance' as const), on: date }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('oneOff' as const),
        on: date,
        fen: fc.integer({ min: 1, max: 50 }).map((n) => n * 1000),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), on: date }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('reopen' as const), on: date }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('transfer' as const),
        on: date,
        regionCode: fc.constantFrom(...VILLAGES),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('education' as const),
        on: around(birthday, -800, 300),
        level: fc.constantFrom(...LEVELS, 'SENIOR_SECONDARY', 'UNDERGRADUATE'),
        fullTime: fc.oneof(fc.constant(true), fc.boolean()),
        expected: fc.option(around(birthday, -100, 1400), { nil: null }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('graduation' as const),
        on: around(birthday, -60, 1400),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('review' as const),
        on: around(birthday, -30, 1400),
      }),
    },
  );
  // often a study that extends protection past 18, and its graduation
  const story = fc.tuple(
    around(birthday, -700, -1),
    fc.constantFrom(
      'SENIOR_SECONDARY' as const,
      'UNDERGRADUATE' as const,
      'GAOKAO_RETAKE' as const,
    ),
    fc.option(around(birthday, 0, 1400), { nil: null }),
    around(birthday, 1, 1400),
  );
  // most children are enrolled in the allowance first, as most cases of a roll are
  const enrolFirst = fc.option(around(spec.identifiedOn, 0, 240), { freq: 3 });
  return fc
    .tuple(fc.array(op, { minLength: 2, maxLength: 10 }), fc.option(story), fc.nat(10), enrolFirst)
    .map(([later, study, at, enrolOn]) => {
      const ops: CaseOp[] = enrolOn === null ? later : [{ kind: 'enrol', on: enrolOn }, ...later];
      if (study === null) return ops;
      const [on, level, expected, graduatedOn] = study;
      const education: CaseOp = { kind: 'education', on, level, fullTime: true, expected };
      const graduation: CaseOp = { kind: 'graduation', on: graduatedOn };
      // the daily review extends protection on the birthday; a graduation is recorded from that
      const review: CaseOp = { kind: 'review', on: clamp(birthday) };
      const k = at % (ops.length + 1);
      return [...ops.slice(0, k), education, ...ops.slice(k), review, graduation];
    });
}

const standardArb = fc.record({
  kind: fc.constant('standard' as const),
  regionCode: fc.constantFrom(...PREFIXES),
  category: fc.constantFrom('ORPHAN' as const, 'DE_FACTO_UNSUPPORTED' as const),
  fen: fc.integer({ min: 1500, max: 2600 }).map((yuan) => yuan * 100),
  // a raise (or a cut) from any date, often one in the months the rolls pay: back-dated, later
  from: fc.oneof(dateArb, around('2025-07-01', -30, 150)),
});

const instantArb = fc.constantFrom<InstantStyle>('midnight', 'utc', 'evening');

/**
 * A world: each child's facts in their own order, interleaved at random with standards set and
 * (with `issues`) rolls issued, after a first standard or two.
 */
export function worldArb(options: { cases?: number; issues?: boolean } = {}) {
  const { cases = 3, issues = false } = options;
  // mostly a whole city or province, mostly the first months: then facts recorded later reach back
  const issueArb = fc.record({
    kind: fc.constant('issue' as const),
    regionCode: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('33', '3703') },
      { weight: 1, arbitrary: fc.constantFrom(...PREFIXES, ...VILLAGES.slice(0, 2)) },
    ),
    month: fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...WINDOW_MONTHS.slice(0, 5)) },
      { weight: 1, arbitrary: fc.constantFrom(...WINDOW_MONTHS) },
    ),
  });
  const caseWithOps = caseArb.chain((spec) =>
    fc.record({
      spec: fc.constant(spec),
      ops: opsArb(spec),
      instants: fc.array(instantArb, { minLength: 10, maxLength: 10 }),
    }),
  );
  return fc
    .record({
      children: fc.array(caseWithOps, { minLength: Math.min(2, cases), maxLength: cases }),
      first: fc.tuple(fc.integer({ min: 1500, max: 2000 }), fc.integer({ min: 1600, max: 2200 })),
      others: fc.array(standardArb, { maxLength: 4 }),
      issues: issues ? fc.array(issueArb, { minLength: 2, maxLength: 10 }) : fc.constant([]),
      // uniform keys (fast-check leans towards small values, which would keep the input order)
      order: fc.array(fc.noBias(fc.integer({ min: 0, max: 999_999 })), {
        minLength: 64,
        maxLength: 64,
      }),
      probe: fc.record({
        step: fc.nat(),
        months: fc.subarray(WINDOW_MONTHS, { minLength: 2, maxLength: 4 }),
        forecast: fc.record({
          fromMonth: fc.constantFrom(...WINDOW_MONTHS, '2026-09', '2027-01'),
          months: fc.integer({ min: 1, max: 14 }),
          overrides: fc.array(
            fc.record({
              category: fc.constantFrom('ORPHAN' as const, 'DE_FACTO_UNSUPPORTED' as const),
              fen: fc.integer({ min: 1500, max: 3000 }).map((yuan) => yuan * 100),
              from: fc.oneof(dateArb, around('2025-07-01', -30, 600)),
            }),
            { maxLength: 2 },
          ),
        }),
      }),
    })
    .map(({ children, first: [deFacto, orphan], others, issues: rolls, order, probe }): World => {
      // both regions have both standards from the start; raises and regional ones come in between
      const first: Step[] = ['33', '3703'].flatMap((regionCode) => [
        {
          kind: 'standard',
          regionCode,
          category: 'DE_FACTO_UNSUPPORTED',
          fen: deFacto * 100,
          from: FIRST_DAY,
        },
        { kind: 'standard', regionCode, category: 'ORPHAN', fen: orphan * 100, from: FIRST_DAY },
      ]);
      const caseSteps = children.flatMap(({ ops, instants }, c) =>
        ops.map((op, k): Step => ({ kind: 'case', case: c, op, instant: instants[k] })),
      );
      const loose: Step[] = [...others, ...rolls];
      const key = (i: number) => order[i % order.length] + i / 1e6;
      // each child's facts keep their order; children, standards and rolls interleave at random
      const keys = caseSteps.map((_, i) => key(i));
      const keyed: { step: Step; key: number }[] = [];
      children.forEach((_, c) => {
        const mine = caseSteps.flatMap((step, i) =>
          step.kind === 'case' && step.case === c ? [i] : [],
        );
        const sorted = mine.map((i) => keys[i]).sort((a, b) => a - b);
        mine.forEach((i, k) => keyed.push({ step: caseSteps[i], key: sorted[k] }));
      });
      loose.forEach((step, i) => keyed.push({ step, key: key(caseSteps.length + i) }));
      keyed.sort((a, b) => a.key - b.key);
      const steps = [...first, ...keyed.map((k) => k.step)];
      const at = probe.step % steps.length;
      return { cases: children.map((c) => c.spec), steps, probe: { ...probe, step: at } };
    });
}
