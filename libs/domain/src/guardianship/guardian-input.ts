import type { GuardianInput } from '../case/case.commands';
import type { Guardian } from '../case/case.events';
import { GUARDIAN_KINDS, isOneOf } from '../shared/enums';
import { FieldChecks, optionalText } from '../shared/validation';

/** Checks a guardian input; bad fields are named `<field>.kind`, `<field>.name`, ... */
export function checkGuardian(checks: FieldChecks, input: unknown, field: string): boolean {
  if (typeof input !== 'object' || input === null)
    return checks.check(false, field, 'must be an object');
  const g = input as Partial<Record<keyof GuardianInput, unknown>>;
  const kind = checks.check(isOneOf(GUARDIAN_KINDS, g.kind), `${field}.kind`, 'unknown kind');
  const name = checks.text(g.name, `${field}.name`, { max: 100 });
  const relation = checks.text(g.relation, `${field}.relation`, { required: false, max: 100 });
  return kind && name && relation;
}

export function toGuardian(input: GuardianInput): Guardian {
  return { kind: input.kind, name: input.name.trim(), relation: optionalText(input.relation) };
}
