import { monthOf } from '../shared/dates';
import { isFen } from '../shared/money';
import type { BusinessDate, DateTime, Fen } from '../shared/types';
import { FieldChecks } from '../shared/validation';
import type { CasePolicy } from '../policy/case-policy';
import { eligibleCategoriesFor } from '../policy/eligibility';
import type { StandardLookup } from '../standards/standard-in-force';
import type { CaseEvent } from '../case/case.events';
import type { CaseFile, CaseState } from '../case/case.state';
import { evolve } from '../case/case.evolve';
import { categoriesOn, timelineOf } from '../timeline/case-timeline';
import { graduationGrant } from '../timeline/owed';
import { protectionOf } from '../timeline/protection';

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
  policy: CasePolicy,
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

// The decision is the timeline's (protectionOf): the review records what every answer already says.
function reviewStep(state: CaseState, input: AgeOutReviewInput, policy: CasePolicy): CaseEvent[] {
  if (state.status === 'NONE' || state.status === 'CLOSED' || state.status === 'AGED_OUT')
    return [];
  const { asOf } = input;
  const protection = protectionOf(state.birthDate, state.history.education, policy);
  const birthday = protection.eighteenthBirthday;
  if (asOf < birthday) return [];

  if (state.status !== 'EXTENDED') {
    // "unless the child is then in full-time education, when it is extended until graduation"
    return protection.extendedFrom !== null && protection.extensionLevel !== null
      ? [
          {
            type: 'ProtectionExtended',
            data: { from: birthday, level: protection.extensionLevel, reviewedOn: asOf },
          },
        ]
      : [{ type: 'AgedOut', data: { on: birthday, reviewedOn: asOf } }];
  }
  const end = protection.end;
  // an expected graduation ends the answers' protection, but only a recorded one is decided on
  if (end === null || end.on > asOf || end.graduation === 'EXPECTED') return [];
  if (end.graduation === 'RECORDED') return graduate(state, end.on, input, policy);
  if (end.reason === 'EIGHTEENTH_BIRTHDAY' || end.reason === 'GRADUATED') return [];
  return [{ type: 'ProtectionEnded', data: { on: end.on, reason: end.reason } }];
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
  const held = categoriesOn(timelineOf(file, policy), graduatedOn);
  if (eligibleCategoriesFor('BASIC_LIVING_ALLOWANCE', held, policy).length === 0) return [ended];
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

/** The standard for the graduation grant: the child's highest basic-living standard that day. */
export function graduationGrantStandardFen(
  file: CaseFile,
  lookup: StandardLookup,
  policy: CasePolicy,
): Fen | null {
  const grant = graduationGrant(timelineOf(file, policy), lookup);
  return grant === null ? null : grant.amountFen / policy.graduationGrantMonths;
}
