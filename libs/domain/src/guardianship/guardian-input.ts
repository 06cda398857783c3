import type { GuardianInput } from '../case/case.commands';
import type { Guardian } from '../case/case.events';
import { GUARDIAN_KINDS, isOneOf, type ChildCategory } from '../shared/enums';
import { parentOfOrphan } from './guardian-by-law';

export const PARENT_OF_ORPHAN = 'a parent cannot be the guardian of an orphan';
import { TEXT_LIMITS } from '../shared/limits';
import { MESSAGES } from '../shared/messages';
import { FieldChecks, optionalText } from '../shared/validation';

/**
 * Checks a guardian input for a child of `categories`; bad fields are named `<field>.kind`,
 * `<field>.name`, ...
 */
export function checkGuardian(
  checks: FieldChecks,
  input: unknown,
  field: string,
  categories: readonly ChildCategory[],
): boolean {
  if (typeof input !== 'object' || input === null)
    return checks.check(false, field, MESSAGES.object);
  const g = input as Partial<Record<keyof GuardianInput, unknown>>;
  const kind =
    checks.check(
      isOneOf(GUARDIAN_KINDS, g.kind),
      `${field}.kind`,
      MESSAGES.oneOf(GUARDIAN_KINDS),
    ) && checks.check(!parentOfOrphan(g.kind, categories), `${field}.kind`, PARENT_OF_ORPHAN);
  const name = checks.text(g.name, `${field}.name`, TEXT_LIMITS.guardianName);
  const relation = checks.text(g.relation, `${field}.relation`, TEXT_LIMITS.relation, {
    required: false,
  });
  return kind && name && relation;
}

export function toGuardian(input: GuardianInput): Guardian {
  return { kind: input.kind, name: input.name.trim(), relation: optionalText(input.relation) };
}
