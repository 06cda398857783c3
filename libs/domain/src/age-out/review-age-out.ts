import { addYears, businessDateOf, monthOf } from '../shared/dates';
import { isFen } from '../shared/money';
import type { BusinessDate, DateTime, Fen } from '../shared/types';
import { FieldChecks } from '../shared/validation';
import { eighteenthBirthday } from '../policy/age';
import { DEFAULT_POLICY, type CasePolicy } from '../policy/case-policy';
import { eligibleCategoriesFor } from '../policy/eligibility';
import type { StandardLookup } from '../standards/standard-in-force';
import { monthlyAllowanceFen } from '../benefits/monthly-allowance';
import type { CaseEvent } from '../case/case.events';
import type { CaseFile, CaseState, Education } from '../case/case.state';
import { evolve } from '../case/case.evolve';

export type AgeOutReviewInput = {
  asOf: BusinessDate;
  /**
   * The basic-living standard in force on the graduation date (see `graduationGrantStandardFen`).
   * When a grant is due and this is missing, the case is left as it is until a standard is set.
   */
  grantStandardFen?: Fen | null;
};

/**
 * The daily age-out review of one case: AgedOut | ProtectionExtended | GraduationGrantAwarded and
 * ProtectionEnded | nothing. Steps are folded until nothing changes, so a review that runs late
 * catches up in one go, and a second review on the resulting state returns no events.
 */
export function reviewAgeOut(
  state: CaseState,
  input: AgeOutReviewInput,
  policy: CasePolicy = DEFAULT_POLICY,
  now?: DateTime,
): CaseEvent[] {
  checkAgeOutReviewDate(input.asOf, now);
  const events: CaseEvent[] = [];
  let current = state;
  for (let step = 0; step < 4; step++) {
    const next = reviewStep(current, input, policy);
    if (next.length === 0) break;
    events.push(...next);
    current = next.reduce(evolve, current);
  }
  return events;
}

/**
 * The review's date: a real date, and, when the time is known, not after today (China time): a
 * review ahead of time would age minors out irreversibly on a birthday that has not come.
 */
export function checkAgeOutReviewDate(asOf: unknown, now?: DateTime): void {
  const checks = new FieldChecks();
  if (now === undefined) checks.date(asOf, 'asOf');
  else checks.pastDate(asOf, 'asOf', now);
  checks.throwIfAny();
}

function reviewStep(state: CaseState, input: AgeOutReviewInput, policy: CasePolicy): CaseEvent[] {
  if (state.status === 'NONE' || state.status === 'CLOSED' || state.status === 'AGED_OUT')
    return [];
  const { asOf } = input;
  const birthday = eighteenthBirthday(state.birthDate, policy.ageOfMajority);
  if (asOf < birthday) return [];

  if (state.status !== 'EXTENDED') {
    // "unless the child is then in full-time education, when it is extended until graduation"
    const studying = inQualifyingStudy(state, birthday, policy);
    return studying
      ? [
          {
            type: 'ProtectionExtended',
            data: { from: birthday, level: studying, reviewedOn: asOf },
          },
        ]
      : [{ type: 'AgedOut', data: { on: birthday, reviewedOn: asOf } }];
  }

  const graduatedOn = state.graduation?.graduatedOn;
  if (graduatedOn !== undefined && graduatedOn <= asOf)
    return graduate(state, graduatedOn, input, policy);
  const education = state.education;
  if (education === null || !qualifies(education, policy)) {
    const left = education === null ? state.extension.from : businessDateOf(education.recordedAt);
    const on = left < state.extension.from ? state.extension.from : left;
    return on <= asOf ? [{ type: 'ProtectionEnded', data: { on, reason: 'LEFT_EDUCATION' } }] : [];
  }
  const retakeOver = retakeEnds(education, policy);
  if (retakeOver !== null && retakeOver <= asOf)
    return [{ type: 'ProtectionEnded', data: { on: retakeOver, reason: 'RETAKE_YEAR_OVER' } }];
  return [];
}

// "a one-off grant of 6 months of basic living allowance (at the standard in force on the
// graduation date) is paid in the month of graduation, and protection ends"
function graduate(
  file: CaseFile,
  graduatedOn: BusinessDate,
  input: AgeOutReviewInput,
  policy: CasePolicy,
): CaseEvent[] {
  const ended: CaseEvent = {
    type: 'ProtectionEnded',
    data: { on: graduatedOn, reason: 'GRADUATED' },
  };
  if (eligibleCategoriesFor('BASIC_LIVING_ALLOWANCE', file.categories, policy).length === 0)
    return [ended];
  const standard = input.grantStandardFen;
  if (!isFen(standard, 1)) return [];
  const months = policy.graduationGrantMonths;
  return [
    {
      type: 'GraduationGrantAwarded',
      data: {
        graduatedOn,
        month: monthOf(graduatedOn),
        amountFen: standard * months,
        monthlyStandardFen: standard,
        months,
      },
    },
    ended,
  ];
}

/** The level of full-time study that extends protection on `date`, or null. */
function inQualifyingStudy(file: CaseFile, date: BusinessDate, policy: CasePolicy) {
  const e = file.education;
  if (e === null || !qualifies(e, policy)) return null;
  if (file.graduation !== null && file.graduation.graduatedOn <= date) return null;
  // "A first-year gaokao retake keeps it"
  const retakeOver = retakeEnds(e, policy);
  if (retakeOver !== null && retakeOver <= date) return null;
  return e.level;
}

// "in full-time education ... at most to master's level"
function qualifies(e: Education, policy: CasePolicy): boolean {
  return e.fullTime && policy.extensionLevels.includes(e.level);
}

function retakeEnds(e: Education, policy: CasePolicy): BusinessDate | null {
  if (e.level !== 'GAOKAO_RETAKE' || e.retakeStartedOn === null) return null;
  return addYears(e.retakeStartedOn, policy.retakeYears);
}

/** The standard for the graduation grant: the child's highest basic-living standard that day. */
export function graduationGrantStandardFen(
  file: Pick<CaseFile, 'regionCode' | 'categories' | 'graduation'>,
  lookup: StandardLookup,
  policy: CasePolicy = DEFAULT_POLICY,
): Fen | null {
  if (file.graduation === null) return null;
  const allowance = monthlyAllowanceFen(
    file,
    file.graduation.graduatedOn,
    lookup,
    'BASIC_LIVING_ALLOWANCE',
    policy,
  );
  return allowance?.amountFen ?? null;
}
