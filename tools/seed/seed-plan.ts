import {
  addDays,
  eighteenthBirthday,
  isEligibleForProgramme,
  makeFictionalIdNumber,
  riskLevelOf,
  type ChildCategory,
  type GuardianKind,
  type IdentifyChild,
  type Programme,
  type RiskLevel,
  type RiskScore,
} from '@app/domain';
import type { Principal } from '../../apps/api/src/auth/principal';
import type { CaseCommandInput } from '../../apps/api/src/cases/case-command.service';
import { Random } from './random';
import { townshipsOf, type RegionPreset } from './regions';

export interface PlannedStep {
  actor: Principal;
  command: (caseId: string) => CaseCommandInput;
}

export interface ChildPlan {
  identify: { actor: Principal; data: IdentifyChild['data'] };
  steps: PlannedStep[];
}

export interface StandardPlan {
  regionCode: string;
  category: ChildCategory;
  monthlyAmountFen: number;
  effectiveFrom: string;
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
  [['GUARDIANSHIP_LACKING'], 3],
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
    })),
  );
}

/** A deterministic region: the same preset, seed and date give the same children and histories. */
export function planRegion(
  preset: RegionPreset,
  options: { seed: number; asOf: string; children?: number },
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
    addDays(eighteenthBirthday(birthDate), -30),
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
  const identify = {
    actor: director,
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
  const steps: PlannedStep[] = [];
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
    command: (caseId) => ({
      type: 'AssignCaseworker',
      caseId,
      data: { caseworkerId: director.id },
    }),
  });

  const enrolFrom = addDays(assessedOn, random.int(5, 30));
  for (const programme of ENROLMENTS) {
    if (
      !isEligibleForProgramme(programme, categories) ||
      enrolFrom >= eighteenthBirthday(birthDate)
    )
      continue;
    steps.push({
      actor: ctx.bureau,
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
  const lastDay = minDate(addDays(ctx.asOf, -1), addDays(eighteenthBirthday(birthDate), -1));
  if (categories.includes('GUARDIANSHIP_LACKING') && addDays(identifiedOn, 9) <= lastDay) {
    steps.push(...guardianshipActs(random, identifiedOn, lastDay, director, ctx));
  }
  steps.push(
    ...visits(
      random,
      riskLevelOf(scores),
      assessedOn,
      // up to the day before: a visit at 14:00 on the as-of day may not have happened yet
      minDate(addDays(ctx.asOf, -1), addDays(eighteenthBirthday(birthDate), -1)),
      director,
    ),
  );
  if (random.chance(0.02)) {
    steps.push({
      actor: supervisor,
      command: (caseId) => ({
        type: 'CloseCase',
        caseId,
        data: {
          reason: random.pick(['adopted', 'moved away']),
          closedAt: at(addDays(ctx.asOf, -random.int(1, 5)), 16),
        },
      }),
    });
  }
  return { identify, steps };
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
): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const interval = VISIT_DAYS[level];
  let day = addDays(from, interval - random.int(0, 3));
  const skipLast = random.chance(0.2);
  while (day <= until && steps.length < 8) {
    const visitedAt = at(day, 14);
    steps.push({
      actor: director,
      command: (caseId) => ({ type: 'RecordVisit', caseId, data: { visitedAt, notes: null } }),
    });
    day = addDays(day, interval - random.int(0, 3));
  }
  if (skipLast && steps.length > 1) steps.pop();
  return steps;
}

/** A crisis, the guardian urged, a petition the procuratorate supports, the court revoking and appointing. */
function guardianshipActs(
  random: Random,
  identifiedOn: string,
  lastActDay: string,
  director: Principal,
  ctx: ChildContext,
): PlannedStep[] {
  const county = ctx.village.slice(0, 6);
  const court: Principal = {
    id: `court-${county}`,
    role: 'COURT',
    regions: [''],
    agency: `${county}人民法院`,
  };
  const procuratorate: Principal = {
    id: `procuratorate-${county}`,
    role: 'PROCURATORATE',
    regions: [''],
    agency: `${county}人民检察院`,
  };
  const day = (offset: number) => addDays(identifiedOn, offset);
  const docket = `(${day(60).slice(0, 4)})${county}民特${random.int(1, 999)}号`;
  const act = (
    actor: Principal,
    kind: 'REVOCATION_PETITIONED' | 'PROCURATORATE_SUPPORT_FILED' | 'GUARDIANSHIP_REVOKED',
    offset: number,
  ): PlannedStep => ({
    actor,
    command: (caseId) => ({
      type: 'RecordGuardianshipAct',
      caseId,
      data: {
        act: kind,
        docketNumber: docket,
        decidedOn: day(offset),
        effectiveOn: day(offset),
        newGuardian:
          kind === 'GUARDIANSHIP_REVOKED'
            ? { kind: 'CIVIL_AFFAIRS', name: `${county}民政局`, relation: null }
            : null,
        notes: null,
        petitioner: kind === 'REVOCATION_PETITIONED' ? `${county}民政局` : null,
      },
    }),
  });
  const steps: PlannedStep[] = [
    {
      actor: director,
      command: (caseId) => ({
        type: 'ReportGuardianshipCrisis',
        caseId,
        data: { kind: 'IMPROPER', reportedAt: at(day(2)), notes: null },
      }),
    },
    {
      actor: director,
      command: (caseId) => ({
        type: 'UrgeGuardian',
        caseId,
        data: { urgedAt: at(day(9)), notes: null },
      }),
    },
  ];
  if (random.chance(0.5) && day(60) <= lastActDay)
    steps.push(
      act(procuratorate, 'REVOCATION_PETITIONED', 30),
      act(procuratorate, 'PROCURATORATE_SUPPORT_FILED', 35),
      act(court, 'GUARDIANSHIP_REVOKED', 60),
    );
  return steps;
}
