import { addYears } from '../shared/dates';
import type { EducationLevel, ProtectionEndReason } from '../shared/enums';
import type { BusinessDate } from '../shared/types';
import { eighteenthBirthday } from '../policy/age';
import type { CasePolicy } from '../policy/case-policy';
import type { EducationSpell } from '../case/case-history';
import { byEffectiveDate, indexOn } from './effective-dated';

/**
 * Where protection ends by the rule, and why. `graduation`: RECORDED when a recorded graduation
 * ends it (the grant is due), EXPECTED when the known education's expected graduation does.
 */
export type ProtectionEnd = {
  on: BusinessDate;
  reason: ProtectionEndReason;
  graduation: 'RECORDED' | 'EXPECTED' | null;
};

export type Protection = {
  eighteenthBirthday: BusinessDate;
  /** the 18th birthday when full-time study extends protection past it, else null */
  extendedFrom: BusinessDate | null;
  /** the study that extended it */
  extensionLevel: EducationLevel | null;
  /** the first day without protection by the rule; null while an extension has no known end */
  end: ProtectionEnd | null;
};

/**
 * "protection ends on the 18th birthday, unless the child is then in full-time education, when it
 * is extended until graduation, at most to master's level. A first-year gaokao retake keeps it;
 * admission to full-time study afterwards keeps it."
 * Education records hold from their date; a study ends at its recorded graduation, else at its
 * expected graduation (a retake after its year). Study recorded to begin on or before that end
 * carries the extension on; anything else ends it then (a record of no qualifying study: LEFT_EDUCATION).
 */
export function protectionOf(
  birthDate: BusinessDate,
  education: readonly EducationSpell[],
  policy: CasePolicy,
): Protection {
  const birthday = eighteenthBirthday(birthDate, policy.ageOfMajority);
  // of two records of one date only the later recorded is ever in force
  const spells = byEffectiveDate(education).filter((s, k, all) => all[k + 1]?.from !== s.from);
  let i = indexOn(spells, birthday);
  const agedOut: Protection = {
    eighteenthBirthday: birthday,
    extendedFrom: null,
    extensionLevel: null,
    end: { on: birthday, reason: 'EIGHTEENTH_BIRTHDAY', graduation: null },
  };
  if (i < 0 || !studyingOn(spells, i, birthday, policy)) return agedOut;
  const extended = { eighteenthBirthday: birthday, extendedFrom: birthday };
  const extensionLevel = spells[i].level;
  for (;;) {
    const stop = studyEnd(spells, i, policy);
    const next = spells[i + 1];
    if (next !== undefined && (stop === null || next.from <= stop.on)) {
      if (studyingOn(spells, i + 1, next.from, policy)) {
        i += 1;
        continue;
      }
      const end: ProtectionEnd =
        stop !== null && next.from === stop.on
          ? stop
          : { on: next.from, reason: 'LEFT_EDUCATION', graduation: null };
      return { ...extended, extensionLevel, end };
    }
    return { ...extended, extensionLevel, end: stop };
  }
}

// "in full-time education ... at most to master's level"
function qualifies(spell: EducationSpell, policy: CasePolicy): boolean {
  return spell.fullTime && policy.extensionLevels.includes(spell.level);
}

function studyingOn(
  spells: readonly EducationSpell[],
  i: number,
  date: BusinessDate,
  policy: CasePolicy,
): boolean {
  const stop = studyEnd(spells, i, policy);
  return qualifies(spells[i], policy) && (stop === null || date < stop.on);
}

/** When the study of spell `i` ends, as far as is known; never before the spell began. */
function studyEnd(
  spells: readonly EducationSpell[],
  i: number,
  policy: CasePolicy,
): ProtectionEnd | null {
  const spell = spells[i];
  const atLeast = (on: BusinessDate) => (on < spell.from ? spell.from : on);
  if (spell.graduatedOn !== null)
    return { on: atLeast(spell.graduatedOn), reason: 'GRADUATED', graduation: 'RECORDED' };
  const ends: ProtectionEnd[] = [];
  if (spell.expectedGraduation !== null)
    ends.push({
      on: atLeast(spell.expectedGraduation),
      reason: 'GRADUATED',
      graduation: 'EXPECTED',
    });
  if (spell.level === 'GAOKAO_RETAKE') {
    // "A first-year gaokao retake keeps it": a year from the first of consecutive retake records
    let first = i;
    while (first > 0 && spells[first - 1].level === 'GAOKAO_RETAKE') first -= 1;
    const over = addYears(spells[first].from, policy.retakeYears);
    ends.push({ on: atLeast(over), reason: 'RETAKE_YEAR_OVER', graduation: null });
  }
  return ends.reduce<ProtectionEnd | null>((a, b) => (a === null || b.on < a.on ? b : a), null);
}
