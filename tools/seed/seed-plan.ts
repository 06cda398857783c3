import {
  addDays,
  eighteenthBirthday,
  isEligibleForProgramme,
  makeFictionalIdNumber,
  riskLevelOf,
  type CasePolicy,
  type ChildCategory,
  type GuardianKind,
  type IdentifyChild,
  type Programme,
  type RiskLevel,
  type RiskScore,
} from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import type { CaseCommandInput } from '../../apps/api/src/cases/case-command.service';
import { civilAffairsOf, courtOf, docketNumber, procuratorateOf } from './agencies';
import { Random } from './random';
import { announcedBefore, recordedAfter } from './recording';
import { townshipsOf, type RegionPreset } from './regions';
import { scheduleRecording, type DraftStep as Draft, type ScheduledStep } from './schedule';

type Command = (caseId: string) => CaseCommandInput;
export type PlannedStep = ScheduledStep<Principal, Command>;
type DraftStep = Draft<Principal, Command>;

export interface ChildPlan {
  /** `recordedAt`: when the identification reached the system */
  identify: { actor: Principal; data: IdentifyChild['data']; recordedAt: string };
  /** in the order the system recorded them */
  steps: PlannedStep[];
}

export interface StandardPlan {
  regionCode: string;
  category: ChildCategory;
  monthlyAmountFen: number;
  effectiveFrom: string;
  /** announced ahead of its date */
  recordedAt: string;
}

export interface SeedPlan {
  bureau: Principal;
  standards: StandardPlan[];
  children: ChildPlan[];
}

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '林',
];
const GIVEN = [
  '小',
  '子',
  '雨',
  '欣',
  '浩',
  '佳',
  '思',
  '梓',
  '一',
  '宇',
  '晨',
  '诗',
  '俊',
  '悦',
  '明',
  '安',
];

const CATEGORY_MIX: [ChildCategory[], number][] = [
  [['DE_FACTO_UNSUPPORTED'], 30],
  [['ORPHAN'], 8],
  [['MINIMUM_LIVING'], 18],
  [['MARGINAL_LOW_INCOME'], 8],
  [['DISABLED', 'MINIMUM_LIVING'], 6],
  [['SERIOUS_ILLNESS_OR_DISABILITY', 'MARGINAL_LOW_INCOME'], 4],
  [['LEFT_BEHIND'], 12],
  [['MIGRANT'], 4],
  [['SINGLE_PARENT', 'MINIMUM_LIVING'], 5],
  [['GUARDIANSHIP_LACKING'], 5],
  [['EXTREME_POVERTY'], 2],
];

const ENROLMENTS: Programme[] = [
  'BASIC_LIVING_ALLOWANCE',
  'MEDICAL_ASSISTANCE',
  'INSURANCE_SUBSIDY',
  'EDUCATION_AID',
  'REHABILITATION',
  'CARE_SERVICES',
];
const VISIT_DAYS: Record<RiskLevel, number> = { RED: 7, YELLOW: 15, BLUE: 30, GREEN: 90 };
const at = (date: string, hour = 10): string =>
  `${date}T${String(hour).padStart(2, '0')}:00:00+08:00`;
const minDate = (a: string, b: string): string => (a < b ? a : b);
const maxDate = (a: string, b: string): string => (a > b ? a : b);

/** Standards raised four years running (Zibo: 1,978 yuan a month in 2024 for de facto unsupported children). */
function standardsFor(root: string): StandardPlan[] {
  const raises: [string, number][] = [
    ['2021-01-01', 160000],
    ['2022-01-01', 172000],
    ['2023-01-01', 185000],
    ['2024-01-01', 197800],
  ];
  return (['ORPHAN', 'DE_FACTO_UNSUPPORTED'] as ChildCategory[]).flatMap((category) =>
    raises.map(([effectiveFrom, monthlyAmountFen]) => ({
      regionCode: root,
      category,
      monthlyAmountFen,
      effectiveFrom,
      recordedAt: announcedBefore(at(effectiveFrom, 0)),
    })),
  );
}

/** A deterministic region: the same preset, seed and date give the same children and histories. */
export function planRegion(
  preset: RegionPreset,
  options: {
    seed: number;
    asOf: string;
    children?: number;
    /** the policy the seeded server decides with (its enrolments must be eligible under it) */
    policy: CasePolicy;
  },
): SeedPlan {
  const random = new Random(options.seed);
  const townships = townshipsOf(preset);
  const bureau: Principal = {
    id: `civil-affairs-${preset.root}`,
    role: 'CIVIL_AFFAIRS',
    regions: [preset.root],
  };
  const sequences = new Map<string, number>();
  const count = options.children ?? preset.children;
  const children = Array.from({ length: count }, (_, i) => {
    const township = townships[i % townships.length];
    const village = random.pick(township.villages);
    return planChild(random, {
      village,
      township: township.code,
      asOf: options.asOf,
      bureau,
      sequences,
      index: i,
      policy: options.policy,
    });
  });
  return { bureau, standards: standardsFor(preset.root), children };
}

interface ChildContext {
  village: string;
  township: string;
  asOf: string;
  bureau: Principal;
  sequences: Map<string, number>;
  index: number;
  policy: CasePolicy;
}

function planChild(random: Random, ctx: ChildContext): ChildPlan {
  const director: Principal = {
    id: `director-${ctx.village}`,
    role: 'CHILD_DIRECTOR',
    regions: [ctx.village],
  };
  const supervisor: Principal = {
    id: `supervisor-${ctx.township}`,
    role: 'SUPERVISOR',
    regions: [ctx.township],
  };
  // ages 0-19 at asOf, a few past 18 so the age-out review has work
  const ageDays = random.chance(0.06)
    ? random.int(18 * 365 - 200, 19 * 365)
    : random.int(200, 18 * 365 - 10);
  const birthDate = addDays(ctx.asOf, -ageDays);
  const county = ctx.village.slice(0, 6);
  const key = `${county}${birthDate}`;
  const sequence = (sequences(ctx.sequences, key) * 2 + (ctx.index % 2)) % 1000;
  const categories = random.weighted(CATEGORY_MIX);
  const latestIdentification = minDate(
    addDays(ctx.asOf, -10),
    addDays(eighteenthBirthday(birthDate, ctx.policy.ageOfMajority), -30),
  );
  const identifiedOn = maxDate(
    addDays(birthDate, 30),
    addDays(latestIdentification, -random.int(0, 3 * 365)),
  );
  const orphan = categories.includes('ORPHAN');
  const guardianKind: GuardianKind = orphan
    ? random.pick(['WELFARE_INSTITUTION', 'CIVIL_AFFAIRS', 'RELATIVE'] as const)
    : random.weighted([
        ['PARENT', 6],
        ['RELATIVE', 4],
      ] as const);
  // nothing is recorded after the start of the as-of day (China time)
  const until = at(ctx.asOf, 0);
  const identify = {
    actor: director,
    recordedAt: recordedAfter(random, at(identifiedOn, 9), 'identification', until),
    data: {
      idNumber: makeFictionalIdNumber(county, birthDate, sequence),
      name: random.pick(SURNAMES) + random.pick(GIVEN) + random.pick(GIVEN),
      regionCode: ctx.village,
      source: random.weighted([
        ['VISIT', 5],
        ['DATA_MATCH', 3],
        ['HOTLINE', 1],
        ['APPLICATION', 1],
      ] as const),
      identifiedAt: at(identifiedOn, 9),
      categories,
      guardian: {
        kind: guardianKind,
        name: random.pick(SURNAMES) + random.pick(GIVEN),
        relation: guardianKind === 'RELATIVE' ? '祖父母' : null,
      },
    },
  };
  const steps: DraftStep[] = [];
  const scores = [0, 1, 2].map(() =>
    random.weighted([
      [0, 4],
      [1, 4],
      [2, 2],
      [3, 1],
    ] as const),
  ) as RiskScore[];
  const assessedOn = addDays(identifiedOn, random.int(1, 7));
  steps.push({
    actor: director,
    occurredAt: at(assessedOn),
    kind: 'assessment',
    command: (caseId) => ({
      type: 'AssessRisk',
      caseId,
      data: {
        guardianshipRisk: scores[0],
        livingRisk: scores[1],
        behaviourRisk: scores[2],
        assessedAt: at(assessedOn),
      },
    }),
  });
  steps.push({
    actor: supervisor,
    occurredAt: at(assessedOn),
    kind: 'assignment',
    command: (caseId) => ({
      type: 'AssignCaseworker',
      caseId,
      data: { caseworkerId: director.id },
    }),
  });

  const enrolFrom = addDays(assessedOn, random.int(5, 30));
  for (const programme of ENROLMENTS) {
    if (
      !isEligibleForProgramme(programme, categories, ctx.policy) ||
      enrolFrom >= eighteenthBirthday(birthDate, ctx.policy.ageOfMajority)
    )
      continue;
    steps.push({
      actor: ctx.bureau,
      occurredAt: at(enrolFrom, 0),
      kind: 'enrolment',
      command: (caseId) => ({
        type: 'EnrollInProgramme',
        caseId,
        data: { programme, effectiveFrom: enrolFrom, fastTrack: false, amountFen: null },
      }),
    });
  }
  if (random.chance(0.05)) {
    const amountFen = random.int(5, 30) * 10000;
    steps.push({
      actor: ctx.bureau,
      occurredAt: at(assessedOn, 0),
      kind: 'enrolment',
      command: (caseId) => ({
        type: 'EnrollInProgramme',
        caseId,
        data: {
          programme: 'TEMPORARY_ASSISTANCE',
          effectiveFrom: assessedOn,
          fastTrack: random.chance(0.5),
          amountFen,
        },
      }),
    });
  }
  const ageAtAsOf = ageDays / 365;
  if (ageAtAsOf >= 15) {
    const level = random.weighted([
      ['SENIOR_SECONDARY', 6],
      ['VOCATIONAL', 3],
      ['NONE', 1],
    ] as const);
    steps.push({
      actor: director,
      occurredAt: at(addDays(assessedOn, 1), 11),
      kind: 'report',
      command: (caseId) => ({
        type: 'RecordEducation',
        caseId,
        data: {
          level,
          fullTime: level !== 'NONE',
          expectedGraduation: null,
          recordedAt: at(addDays(assessedOn, 1), 11),
        },
      }),
    });
  }
  const lastDay = minDate(
    addDays(ctx.asOf, -1),
    addDays(eighteenthBirthday(birthDate, ctx.policy.ageOfMajority), -1),
  );
  if (categories.includes('GUARDIANSHIP_LACKING') && addDays(identifiedOn, 9) <= lastDay) {
    steps.push(...guardianshipActs(random, identifiedOn, lastDay, director, ctx));
  }
  steps.push(
    ...visits(
      random,
      riskLevelOf(scores),
      assessedOn,
      // up to the day before: a visit at 14:00 on the as-of day may not have happened yet
      minDate(
        addDays(ctx.asOf, -1),
        addDays(eighteenthBirthday(birthDate, ctx.policy.ageOfMajority), -1),
      ),
      director,
    ),
  );
  steps.push(...lateCorrection(random, identify, identifiedOn, lastDay, supervisor));
  if (random.chance(0.02)) {
    const closedAt = at(addDays(ctx.asOf, -random.int(1, 5)), 16);
    steps.push({
      actor: supervisor,
      occurredAt: closedAt,
      kind: 'closure',
      last: true,
      command: (caseId) => ({
        type: 'CloseCase',
        caseId,
        data: { reason: random.pick(['adopted', 'moved away']), closedAt },
      }),
    });
  }
  return { identify, steps: scheduleRecording(random, identify.recordedAt, steps, until) };
}

function sequences(map: Map<string, number>, key: string): number {
  const next = (map.get(key) ?? 0) + 1;
  map.set(key, next);
  return next;
}

/** Follow-up visits at the colour's interval, the last one sometimes missed (overdue). */
function visits(
  random: Random,
  level: RiskLevel,
  from: string,
  until: string,
  director: Principal,
): DraftStep[] {
  const steps: DraftStep[] = [];
  const interval = VISIT_DAYS[level];
  let day = addDays(from, interval - random.int(0, 3));
  const skipLast = random.chance(0.2);
  while (day <= until && steps.length < 8) {
    const visitedAt = at(day, 14);
    steps.push({
      actor: director,
      occurredAt: visitedAt,
      kind: random.chance(0.15) ? 'lateVisit' : 'visit',
      command: (caseId) => ({ type: 'RecordVisit', caseId, data: { visitedAt, notes: null } }),
    });
    day = addDays(day, interval - random.int(0, 3));
  }
  if (skipLast && steps.length > 1) steps.pop();
  return steps;
}

/**
 * A crisis, the guardian urged, a petition the procuratorate supports, the court revoking and
 * appointing the bureau; the agencies post their acts days after deciding (the court's often
 * after its ruling took effect).
 */
function guardianshipActs(
  random: Random,
  identifiedOn: string,
  lastActDay: string,
  director: Principal,
  ctx: ChildContext,
): DraftStep[] {
  const county = ctx.village.slice(0, 6);
  const court: Principal = {
    id: `court-${county}`,
    role: 'COURT',
    regions: [''],
    agency: courtOf(county),
  };
  const procuratorate: Principal = {
    id: `procuratorate-${county}`,
    role: 'PROCURATORATE',
    regions: [''],
    agency: procuratorateOf(county),
  };
  const bureau = civilAffairsOf(county);
  const day = (offset: number) => addDays(identifiedOn, offset);
  const docket = docketNumber(day(60).slice(0, 4), county, random.int(1, 999));
  const act = (
    actor: Principal,
    kind: 'REVOCATION_PETITIONED' | 'PROCURATORATE_SUPPORT_FILED' | 'GUARDIANSHIP_REVOKED',
    offset: number,
  ): DraftStep => {
    const decidedOn = day(offset);
    const revoked = kind === 'GUARDIANSHIP_REVOKED';
    // a ruling takes effect once served, some days after it was made
    const effectiveOn = revoked
      ? minDate(addDays(decidedOn, random.int(0, 10)), lastActDay)
      : decidedOn;
    return {
      actor,
      occurredAt: at(decidedOn, 15),
      kind: actor.role === 'COURT' ? 'court' : 'procuratorate',
      chain: 'acts',
      command: (caseId) => ({
        type: 'RecordGuardianshipAct',
        caseId,
        data: {
          act: kind,
          docketNumber: docket,
          decidedOn,
          effectiveOn,
          newGuardian: revoked ? { kind: 'CIVIL_AFFAIRS', name: bureau, relation: null } : null,
          notes: null,
          petitioner: kind === 'REVOCATION_PETITIONED' ? bureau : null,
        },
      }),
    };
  };
  const steps: DraftStep[] = [
    {
      actor: director,
      occurredAt: at(day(2)),
      kind: 'report',
      chain: 'crisis',
      command: (caseId) => ({
        type: 'ReportGuardianshipCrisis',
        caseId,
        data: { kind: 'IMPROPER', reportedAt: at(day(2)), notes: null },
      }),
    },
    {
      actor: director,
      occurredAt: at(day(9)),
      kind: 'report',
      chain: 'crisis',
      command: (caseId) => ({
        type: 'UrgeGuardian',
        caseId,
        data: { urgedAt: at(day(9)), notes: null },
      }),
    },
  ];
  if (random.chance(0.8) && day(60) <= lastActDay)
    steps.push(
      act(procuratorate, 'REVOCATION_PETITIONED', 30),
      act(procuratorate, 'PROCURATORATE_SUPPORT_FILED', 35),
      act(court, 'GUARDIANSHIP_REVOKED', 60),
    );
  return steps;
}

/**
 * Now and then the name typed at identification was wrong, and the supervisor corrects it weeks
 * later from the household register (a new event: the history keeps the first spelling).
 */
function lateCorrection(
  random: Random,
  identify: ChildPlan['identify'],
  identifiedOn: string,
  lastDay: string,
  supervisor: Principal,
): DraftStep[] {
  const foundOn = addDays(identifiedOn, random.int(20, 150));
  if (!random.chance(0.05) || foundOn > lastDay) return [];
  const name = identify.data.name;
  const to = name.slice(0, -1) + random.pick(GIVEN.filter((g) => g !== name.slice(-1)));
  return [
    {
      actor: supervisor,
      occurredAt: at(foundOn, 10),
      kind: 'report',
      command: (caseId) => ({
        type: 'CorrectCase',
        caseId,
        data: { field: 'name', to, reason: '以户口簿为准', correctsRevision: 0 },
      }),
    },
  ];
}
