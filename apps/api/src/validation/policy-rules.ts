import { Inject, Injectable, type INestApplicationContext } from '@nestjs/common';
import {
  useContainer,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import {
  CHILD_CATEGORIES,
  MESSAGES,
  monthlyAllowanceCategories,
  type CasePolicy,
  type ChildCategory,
} from '@app/domain';
import { CASE_POLICY } from '@app/runtime/config/policy';

/**
 * A category some monthly allowance is paid for under the configured policy: the only ones a
 * standard is set for (the decide of a standard checks the same, with the same policy).
 */
@Injectable()
@ValidatorConstraint({ name: 'isStandardCategory' })
export class StandardCategoryRule implements ValidatorConstraintInterface {
  private readonly categories: readonly ChildCategory[];

  constructor(@Inject(CASE_POLICY) policy: CasePolicy) {
    this.categories = monthlyAllowanceCategories(policy);
  }

  validate(value: unknown): boolean {
    return this.categories.includes(value as ChildCategory);
  }

  defaultMessage(args?: ValidationArguments): string {
    const value = args?.value;
    if (value === undefined || value === null) return MESSAGES.required;
    return (CHILD_CATEGORIES as readonly unknown[]).includes(value)
      ? MESSAGES.noMonthlyAllowance(this.categories)
      : MESSAGES.oneOf(CHILD_CATEGORIES);
  }
}

/** The rules that read policy data: Nest providers, so they are given the configured policy. */
export const POLICY_RULES = [StandardCategoryRule];

/**
 * class-validator builds a rule's class itself unless given a container: this one answers the
 * policy rules from the app (its configured policy) and leaves every other rule to class-validator.
 */
export function usePolicyRules(app: INestApplicationContext): void {
  const rules = new Set<unknown>(POLICY_RULES);
  useContainer(
    { get: <T>(rule: unknown): T => (rules.has(rule) ? app.get(rule as never) : undefined) as T },
    { fallback: true },
  );
}
