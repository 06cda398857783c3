import { businessDateOf } from '../shared/dates';
import { IDENTIFICATION_SOURCES, isOneOf } from '../shared/enums';
import { TEXT_LIMITS } from '../shared/limits';
import { MESSAGES } from '../shared/messages';
import { IllegalTransition, NotEligible } from '../shared/errors';
import { FieldChecks, optionalText } from '../shared/validation';
import {
  birthDateFromIdNumber,
  ID_NUMBER_PROBLEM_MESSAGES,
  idNumberProblem,
  normalizeIdNumber,
} from '../identity/id-number';
import { isVillageCode } from '../region/region-code';
import { isMinorOn } from '../policy/age';
import type { CasePolicy } from '../policy/case-policy';
import { checkGuardian, toGuardian } from '../guardianship/guardian-input';
import type { IdentifyChild } from './case.commands';
import type { ChildIdentified } from './case.events';
import type { CaseState } from './case.state';
import { checkCategories } from './case-checks';

/**
 * "Identified (发现识别) ... Records the source, the village, the person who found it."
 * One case per stream: identifying an existing case is refused. One open case per ID number
 * across the deployment needs an index, so the application checks it (DuplicateCase).
 */
export function identifyChild(
  command: IdentifyChild,
  state: CaseState,
  policy: CasePolicy,
): ChildIdentified[] {
  if (state.status !== 'NONE')
    throw new IllegalTransition(command.type, state.status, 'the case already exists');
  const d = command.data;
  const today = businessDateOf(command.now);
  const idNumber = typeof d.idNumber === 'string' ? normalizeIdNumber(d.idNumber) : d.idNumber;

  const checks = new FieldChecks();
  const problem = idNumberProblem(idNumber, today);
  checks.check(problem === null, 'idNumber', problem ? ID_NUMBER_PROBLEM_MESSAGES[problem] : '');
  checks.text(d.name, 'name', TEXT_LIMITS.childName);
  checks.check(isVillageCode(d.regionCode), 'regionCode', MESSAGES.villageCode);
  checks.check(
    isOneOf(IDENTIFICATION_SOURCES, d.source),
    'source',
    MESSAGES.oneOf(IDENTIFICATION_SOURCES),
  );
  checks.text(d.sourceDetail, 'sourceDetail', TEXT_LIMITS.sourceDetail, { required: false });
  checks.pastDateTime(d.identifiedAt, 'identifiedAt', command.now);
  const categories = d.categories ?? [];
  checkCategories(checks, categories, 'categories');
  if (d.guardian !== undefined && d.guardian !== null)
    checkGuardian(checks, d.guardian, 'guardian', Array.isArray(categories) ? categories : []);
  checks.throwIfAny();

  const birthDate = birthDateFromIdNumber(idNumber);
  const identifiedOn = businessDateOf(d.identifiedAt);
  checks.check(identifiedOn >= birthDate, 'identifiedAt', MESSAGES.beforeBirth);
  checks.throwIfAny();
  // "protection ends on the 18th birthday": nobody is identified as a child at 18 or older
  if (!isMinorOn(birthDate, identifiedOn, policy.ageOfMajority))
    throw new NotEligible('child protection', 'the person is 18 or older at identification');

  return [
    {
      type: 'ChildIdentified',
      data: {
        caseId: command.caseId,
        child: { name: d.name.trim(), idNumber },
        birthDate,
        regionCode: d.regionCode,
        source: d.source,
        sourceDetail: optionalText(d.sourceDetail),
        identifiedAt: d.identifiedAt,
        identifiedBy: command.actor.id,
        categories: [...new Set(categories)],
        guardian: d.guardian ? toGuardian(d.guardian) : null,
      },
    },
  ];
}
