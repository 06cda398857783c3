import type { ChildCategory, Programme } from '../shared/enums';
import type { BusinessDate, Fen } from '../shared/types';
import type {
  CaseFile,
  GraduationGrant,
  ProgrammeEntry,
  ProtectionPeriod,
} from '../case/case.state';

/** What the benefit rules read of a case: plain data a read model can keep in a row or two. */
export type BenefitCase = {
  caseId: string;
  /** the 12-digit village code (the standards resolve by its prefixes) */
  regionCode: string;
  categories: readonly ChildCategory[];
  /** `to` exclusive; see CaseFile.protectionPeriods */
  protectionPeriods: readonly ProtectionPeriod[];
  programmes: readonly Pick<
    ProgrammeEntry,
    'programme' | 'from' | 'to' | 'fastTrack' | 'amountFen' | 'coverageSharePercent' | 'oneOff'
  >[];
  graduationGrants: readonly GraduationGrant[];
};

export function benefitCaseOf(file: CaseFile): BenefitCase {
  const { id, regionCode, categories, protectionPeriods, programmes, graduationGrants } = file;
  return { caseId: id, regionCode, categories, protectionPeriods, programmes, graduationGrants };
}

/** Protection in force on `date` (periods end exclusively). */
export function protectedOn(
  c: Pick<BenefitCase, 'protectionPeriods'>,
  date: BusinessDate,
): boolean {
  return c.protectionPeriods.some((p) => p.from <= date && (p.to === null || date < p.to));
}

/** A programme in force on `date` (`to` is its last day, inclusive). */
export function programmeInForceOn(
  entry: Pick<ProgrammeEntry, 'from' | 'to'>,
  date: BusinessDate,
): boolean {
  return entry.from <= date && (entry.to === null || date <= entry.to);
}

export type BenefitEntitlement = {
  programme: Programme;
  from: BusinessDate;
  to: BusinessDate | null;
  /** monthly programmes: the rate in force on the date asked; null elsewhere or with no standard */
  monthlyAmountFen: Fen | null;
  /** one-off programmes: the amount granted */
  amountFen: Fen | null;
  coverageSharePercent: number | null;
  fastTrack: boolean;
};
