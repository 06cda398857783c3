import type { RiskScore } from '../shared/enums';
import { TEXT_LIMITS } from '../shared/limits';
import { MESSAGES } from '../shared/messages';
import { FieldChecks, optionalText } from '../shared/validation';
import { isRiskScore, riskLevelOf } from '../policy/risk';
import type { AssessRisk, DetermineCategories } from './case.commands';
import type { CategoriesDetermined, RiskAssessed } from './case.events';
import type { CaseState } from './case.state';
import { requireActive } from './case-status';
import { checkCaseDateTime, checkCategories } from './case-checks';

// "three dimensions ... each scored 0-3. The level is the four-colour ledger (四色台账)"
export function assessRisk(command: AssessRisk, state: CaseState): RiskAssessed[] {
  const file = requireActive(state, command.caseId, command.type);
  const d = command.data;
  const checks = new FieldChecks();
  for (const field of ['guardianshipRisk', 'livingRisk', 'behaviourRisk'] as const)
    checks.check(isRiskScore(d[field]), field, MESSAGES.riskScore);
  checkCaseDateTime(checks, d.assessedAt, 'assessedAt', file, command.now);
  checks.text(d.notes, 'notes', TEXT_LIMITS.notes, { required: false });
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

// "Categories (a child can hold several)"; determined by civil affairs: at least one (a child who
// no longer holds any leaves protection by closing the case)
export function determineCategories(
  command: DetermineCategories,
  state: CaseState,
): CategoriesDetermined[] {
  const file = requireActive(state, command.caseId, command.type);
  const d = command.data;
  const checks = new FieldChecks();
  checkCategories(checks, d.categories, 'categories', { atLeastOne: true });
  checkCaseDateTime(checks, d.determinedAt, 'determinedAt', file, command.now);
  checks.throwIfAny();
  return [
    {
      type: 'CategoriesDetermined',
      data: { categories: [...new Set(d.categories)], determinedAt: d.determinedAt },
    },
  ];
}
