import { businessDateOf } from '../shared/dates';
import { CHILD_CATEGORIES, isOneOf, type RiskScore } from '../shared/enums';
import { FieldChecks, optionalText } from '../shared/validation';
import { isRiskScore, riskLevelOf } from '../policy/risk';
import type { AssessRisk, DetermineCategories } from './case.commands';
import type { CategoriesDetermined, RiskAssessed } from './case.events';
import type { CaseState } from './case.state';
import { requireActive } from './case-status';
import { checkCaseDateTime } from './case-checks';

// "three dimensions ... each scored 0-3. The level is the four-colour ledger (四色台账)"
export function assessRisk(command: AssessRisk, state: CaseState): RiskAssessed[] {
  const file = requireActive(state, command.caseId, command.type);
  const d = command.data;
  const checks = new FieldChecks();
  for (const field of ['guardianshipRisk', 'livingRisk', 'behaviourRisk'] as const)
    checks.check(isRiskScore(d[field]), field, 'must be an integer from 0 to 3');
  checkCaseDateTime(checks, d.assessedAt, 'assessedAt', file, businessDateOf(command.now));
  checks.text(d.notes, 'notes', { required: false, max: 2000 });
  checks.throwIfAny();

  const scores = [d.guardianshipRisk, d.livingRisk, d.behaviourRisk] as RiskScore[];
  return [
    {
      type: 'RiskAssessed',
      data: {
        guardianshipRisk: scores[0],
        livingRisk: scores[1],
        behaviourRisk: scores[2],
        level: riskLevelOf(scores),
        assessedAt: d.assessedAt,
        notes: optionalText(d.notes),
      },
    },
  ];
}

// "Categories (a child can hold several)"; determined by civil affairs, may be none at all
export function determineCategories(
  command: DetermineCategories,
  state: CaseState,
): CategoriesDetermined[] {
  const file = requireActive(state, command.caseId, command.type);
  const d = command.data;
  const checks = new FieldChecks();
  checks.check(
    Array.isArray(d.categories) && d.categories.every((c) => isOneOf(CHILD_CATEGORIES, c)),
    'categories',
    'unknown category',
  );
  checkCaseDateTime(checks, d.determinedAt, 'determinedAt', file, businessDateOf(command.now));
  checks.throwIfAny();
  return [
    {
      type: 'CategoriesDetermined',
      data: { categories: [...new Set(d.categories)], determinedAt: d.determinedAt },
    },
  ];
}
