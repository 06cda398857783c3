import type { CaseOp, CaseSpec, StandardSpec } from './money-world';

/**
 * The money rules of DOMAIN.md written the simplest way there is, separately from the code they
 * check: every fact a list in the order it was recorded, every question a walk over days or a
 * scan of the lists. Nothing here is shared with libs/domain's timeline.
 */

const ALLOWANCE_CATEGORIES = ['ORPHAN', 'DE_FACTO_UNSUPPORTED'];
const STUDY_LEVELS = ['SENIOR_SECONDARY', 'VOCATIONAL', 'UNDERGRADUATE', 'MASTER', 'GAOKAO_RETAKE'];
const GRANT_MONTHS = 6;

/** A forecast's hypothetical standard: every region, from its date on. */
export type RefOverride = { category: string; fen: number; from: string };

export type RefLine = {
  caseIndex: number;
  programme: 'BASIC_LIVING_ALLOWANCE' | 'TEMPORARY_ASSISTANCE';
  reason: 'MONTHLY' | 'ONE_OFF' | 'GRADUATION_GRANT';
  fen: number;
};

type Dated<T> = T & { on: string };
type Enrolment = { allowance: boolean; from: string; to: string | null; fen: number };
type Study = {
  on: string;
  level: string;
  fullTime: boolean;
  expected: string | null;
  graduated: string | null;
};

export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
function previousDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
function plusYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (m === 2 && d === 29 && !leap) return `${year}-03-01`;
  return `${year}${date.slice(4)}`;
}
/** The record of the latest date on or before `day` (the later one recorded on a tie), else the first. */
function latest<T extends { on: string }>(records: T[], day: string): T {
  let found: T | undefined;
  for (const r of records) if (r.on <= day && (found === undefined || r.on >= found.on)) found = r;
  return found ?? records.reduce((a, b) => (b.on < a.on ? b : a));
}

class RefCase {
  regions: Dated<{ region: string }>[];
  categories: Dated<{ categories: string[] }>[];
  enrolments: Enrolment[] = [];
  closures: { from: string; to: string | null }[] = [];
  studies: Study[] = [];
  private endCache: { day: string | null; grant: 'RECORDED' | 'EXPECTED' | null } | undefined;

  constructor(readonly spec: CaseSpec) {
    this.regions = [{ on: spec.identifiedOn, region: spec.regionCode }];
    this.categories = [{ on: spec.identifiedOn, categories: [...spec.categories] }];
  }

  apply(op: CaseOp): void {
    this.endCache = undefined;
    if (op.kind === 'categories') this.categories.push({ on: op.on, categories: op.categories });
    if (op.kind === 'enrol')
      this.enrolments.push({ allowance: true, from: op.on, to: null, fen: 0 });
    if (op.kind === 'oneOff')
      this.enrolments.push({ allowance: false, from: op.on, to: op.on, fen: op.fen });
    if (op.kind === 'endAllowance') {
      const running = this.enrolments.filter((e) => e.allowance && e.to === null).at(-1);
      if (running) running.to = op.on;
    }
    if (op.kind === 'close') this.closures.push({ from: op.on, to: null });
    if (op.kind === 'reopen') for (const c of this.closures) if (c.to === null) c.to = op.on;
    if (op.kind === 'transfer') this.regions.push({ on: op.on, region: op.regionCode });
    if (op.kind === 'education')
      this.studies.push({
        on: op.on,
        level: op.level,
        fullTime: op.fullTime,
        expected: op.expected,
        graduated: null,
      });
    if (op.kind === 'graduation' && this.studies.length > 0)
      this.studies[this.studies.length - 1].graduated = op.on;
  }

  closed(day: string): boolean {
    return this.closures.some((c) => c.from <= day && (c.to === null || day < c.to));
  }

  /** The study in force on `day`, and whether it still runs that day. */
  private studying(day: string): { study: Study; ends: string | null } | null {
    // by date; of two records of one date only the later recorded is ever in force
    const sorted = this.studies
      .map((s, i) => ({ s, i }))
      .sort((a, b) => (a.s.on === b.s.on ? a.i - b.i : a.s.on < b.s.on ? -1 : 1))
      .filter((x, k, all) => all[k + 1]?.s.on !== x.s.on);
    const index = sorted.findLastIndex((x) => x.s.on <= day);
    if (index < 0) return null;
    const study = sorted[index].s;
    if (!study.fullTime || !STUDY_LEVELS.includes(study.level)) return null;
    const atLeast = (d: string) => (d < study.on ? study.on : d);
    let ends: string | null = null;
    if (study.graduated !== null) ends = atLeast(study.graduated);
    else {
      if (study.expected !== null) ends = atLeast(study.expected);
      if (study.level === 'GAOKAO_RETAKE') {
        let first = index;
        while (first > 0 && sorted[first - 1].s.level === 'GAOKAO_RETAKE') first -= 1;
        const over = atLeast(plusYears(sorted[first].s.on, 1));
        if (ends === null || over < ends) ends = over;
      }
    }
    return ends !== null && day >= ends ? null : { study, ends };
  }

  /** The first day without protection by the rule, walked day by day from the 18th birthday. */
  end(): { day: string | null; grant: 'RECORDED' | 'EXPECTED' | null } {
    if (this.endCache) return this.endCache;
    const birthday = plusYears(this.spec.birthDate, 18);
    let day = birthday;
    while (day < '2040-01-01' && this.studying(day) !== null) day = nextDay(day);
    let grant: 'RECORDED' | 'EXPECTED' | null = null;
    if (day > birthday) {
      const last = this.studying(previousDay(day))!.study;
      if (last.graduated === day) grant = 'RECORDED';
      else if (last.graduated === null && last.expected === day) grant = 'EXPECTED';
    }
    this.endCache = { day: day >= '2040-01-01' ? null : day, grant };
    return this.endCache;
  }

  protectedOn(day: string): boolean {
    const end = this.end().day;
    return (end === null || day < end) && !this.closed(day);
  }
}

export class ReferenceMoney {
  readonly cases: RefCase[] = [];
  private readonly standards: StandardSpec[] = [];

  identify(spec: CaseSpec): void {
    this.cases.push(new RefCase(spec));
  }

  apply(caseIndex: number, op: CaseOp): void {
    this.cases[caseIndex].apply(op);
  }

  standard(s: StandardSpec): void {
    this.standards.push(s);
  }

  regionOn(caseIndex: number, day: string): string {
    return latest(this.cases[caseIndex].regions, day).region;
  }

  /** The highest standard of the allowance categories held that day, in the village of that day. */
  private allowance(caseIndex: number, day: string, overrides: RefOverride[]): number | null {
    const held = latest(this.cases[caseIndex].categories, day).categories;
    const region = this.regionOn(caseIndex, day);
    let best: number | null = null;
    for (const category of held.filter((c) => ALLOWANCE_CATEGORIES.includes(c))) {
      let override: RefOverride | null = null;
      for (const o of overrides)
        if (
          o.category === category &&
          o.from <= day &&
          (override === null || o.from >= override.from)
        )
          override = o;
      if (override !== null) {
        if (best === null || override.fen > best) best = override.fen;
        continue;
      }
      let chosen: StandardSpec | null = null;
      for (const s of this.standards) {
        if (s.category !== category || s.from > day || !region.startsWith(s.regionCode)) continue;
        if (chosen === null || s.regionCode.length > chosen.regionCode.length) chosen = s;
        else if (s.regionCode.length === chosen.regionCode.length && s.from >= chosen.from)
          chosen = s;
      }
      if (chosen !== null && (best === null || chosen.fen > best)) best = chosen.fen;
    }
    return best;
  }

  /** What case `caseIndex` is owed for `month`. */
  owed(
    caseIndex: number,
    month: string,
    expectedGraduations = false,
    overrides: RefOverride[] = [],
  ): RefLine[] {
    const c = this.cases[caseIndex];
    const first = `${month}-01`;
    const lines: RefLine[] = [];
    const paysAllowance = c.enrolments.some(
      (e) => e.allowance && e.from <= first && (e.to === null || first <= e.to),
    );
    if (paysAllowance && c.protectedOn(first)) {
      const fen = this.allowance(caseIndex, first, overrides);
      if (fen !== null)
        lines.push({ caseIndex, programme: 'BASIC_LIVING_ALLOWANCE', reason: 'MONTHLY', fen });
    }
    for (const e of c.enrolments)
      if (!e.allowance && e.from.startsWith(month) && c.protectedOn(e.from))
        lines.push({ caseIndex, programme: 'TEMPORARY_ASSISTANCE', reason: 'ONE_OFF', fen: e.fen });
    const { day, grant } = c.end();
    const grantPaid = grant === 'RECORDED' || (grant === 'EXPECTED' && expectedGraduations);
    if (day !== null && grantPaid && day.startsWith(month) && !c.closed(previousDay(day))) {
      const fen = this.allowance(caseIndex, day, overrides);
      if (fen !== null)
        lines.push({
          caseIndex,
          programme: 'BASIC_LIVING_ALLOWANCE',
          reason: 'GRADUATION_GRANT',
          fen: fen * GRANT_MONTHS,
        });
    }
    return lines;
  }
}
