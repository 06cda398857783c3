import { DEFAULT_POLICY } from '../policy/case-policy';
import { graduationGrantStandardFen } from '../age-out/review-age-out';
import { makeFictionalIdNumber } from '../identity/id-number';
import type { CaseCommand, IdentifyChild } from '../case/case.commands';
import type { ExistingCase } from '../case/case.state';
import type { BenefitStandard } from '../standards/standard.events';
import { standardLookupFrom, type StandardOverride } from '../standards/standard-in-force';
import type { CaseOp, CaseSpec, ForecastProbe, InstantStyle, StandardSpec } from './money-world';

/** A case command without its case id, actor and time: what a world's step asks for. */
export type CaseCommandInput = Pick<CaseCommand, 'type' | 'data'>;

/** The date-time of a business date, written as `style` says (all three are that business date). */
export function instantOf(date: string, style: InstantStyle): string {
  if (style === 'midnight') return `${date}T00:00:00+08:00`;
  if (style === 'evening') return `${date}T23:59:59+08:00`;
  // midnight China time is 16:00 UTC the day before
  const previous = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  return `${previous}T16:00:00Z`;
}

export function identifyData(spec: CaseSpec, index: number): IdentifyChild['data'] {
  return {
    idNumber: makeFictionalIdNumber(spec.regionCode.slice(0, 6), spec.birthDate, index + 1),
    name: `测试${index}`,
    regionCode: spec.regionCode,
    source: 'VISIT',
    identifiedAt: `${spec.identifiedOn}T09:00:00+08:00`,
    categories: [...spec.categories],
    guardian: { kind: 'RELATIVE', name: '测试监护人', relation: null },
  };
}

/** The command a case step asks for (a review gets its grant standard from the caller). */
export function commandOf(op: CaseOp, style: InstantStyle): CaseCommandInput {
  const at = instantOf(op.on, style);
  switch (op.kind) {
    case 'categories':
      return {
        type: 'DetermineCategories',
        data: { categories: [...op.categories], determinedAt: at },
      };
    case 'enrol':
      return {
        type: 'EnrollInProgramme',
        data: { programme: 'BASIC_LIVING_ALLOWANCE', effectiveFrom: op.on },
      };
    case 'endAllowance':
      return {
        type: 'EndProgramme',
        data: { programme: 'BASIC_LIVING_ALLOWANCE', effectiveTo: op.on, reason: 'ended' },
      };
    case 'oneOff':
      return {
        type: 'EnrollInProgramme',
        data: { programme: 'TEMPORARY_ASSISTANCE', effectiveFrom: op.on, amountFen: op.fen },
      };
    case 'close':
      return { type: 'CloseCase', data: { reason: 'moved away', closedAt: at } };
    case 'reopen':
      return { type: 'ReopenCase', data: { reason: 'returned', reopenedAt: at } };
    case 'transfer':
      return { type: 'TransferCase', data: { toRegionCode: op.regionCode, transferredAt: at } };
    case 'education':
      return {
        type: 'RecordEducation',
        data: {
          level: op.level,
          fullTime: op.fullTime,
          expectedGraduation: op.expected,
          recordedAt: at,
        },
      };
    case 'graduation':
      return { type: 'RecordGraduation', data: { graduatedOn: op.on } };
    case 'review':
      return { type: 'ReviewAgeOut', data: { asOf: op.on } };
  }
}

/** A case step's command as a service runs it: a review with its grant standard, as the api's. */
export function stepCommand(
  op: CaseOp,
  style: InstantStyle,
  state: ExistingCase,
  standards: readonly BenefitStandard[],
): CaseCommand {
  const command = commandOf(op, style) as CaseCommand;
  if (command.type !== 'ReviewAgeOut') return command;
  const grantStandardFen = graduationGrantStandardFen(
    state,
    standardLookupFrom(standards),
    DEFAULT_POLICY,
  );
  return { ...command, data: { ...command.data, grantStandardFen } };
}

export function standardOf({ regionCode, category, fen, from }: StandardSpec): BenefitStandard {
  return { regionCode, category, monthlyAmountFen: fen, effectiveFrom: from };
}

export function overridesOf(probe: ForecastProbe): StandardOverride[] {
  return probe.overrides.map((o) => ({
    category: o.category,
    monthlyAmountFen: o.fen,
    effectiveFrom: o.from,
  }));
}
