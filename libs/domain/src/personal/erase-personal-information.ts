import { TEXT_LIMITS } from '../shared/limits';
import { IllegalTransition } from '../shared/errors';
import { FieldChecks } from '../shared/validation';
import type { ErasePersonalInformation } from '../case/case.commands';
import type { Guardian, PersonalInformationErased } from '../case/case.events';
import type { CaseFile, CaseState } from '../case/case.state';
import { requireCase } from '../case/case-status';
import { personalFieldPaths, withValuesAt } from './personal-fields';

// PIPL: a minor's personal information is deleted once its purpose is served: a closed or aged-out case
export function erasePersonalInformation(
  command: ErasePersonalInformation,
  state: CaseState,
): PersonalInformationErased[] {
  const file = requireCase(state, command.caseId);
  if (file.status !== 'CLOSED' && file.status !== 'AGED_OUT')
    throw new IllegalTransition(
      command.type,
      file.status,
      'the case is neither closed nor aged out',
    );
  const { reason } = command.data;
  const checks = new FieldChecks();
  checks.text(reason, 'reason', TEXT_LIMITS.reason);
  checks.throwIfAny();
  // erased before: nothing new to record (the caller destroys the key and purges again)
  if (file.erased) return [];
  return [
    { type: 'PersonalInformationErased', data: { reason: reason.trim(), erasedAt: command.now } },
  ];
}

const nameless = (guardian: Guardian): Guardian => ({ ...guardian, name: null });

/** An event of the history with its personal fields null, as it reads back once erased. */
function scrubbed<E extends { type: string; data: unknown }>(event: E): E {
  const paths = personalFieldPaths(event.type, event.data);
  return paths.length === 0
    ? event
    : {
        ...event,
        data: withValuesAt(
          event.data,
          paths,
          paths.map(() => null),
        ),
      };
}

/** The case without its personal information: what every later fold and read model shows. */
export function erasedFile(file: CaseFile): CaseFile {
  const { history } = file;
  return {
    ...file,
    history: {
      ...history,
      initialGuardian: history.initialGuardian && nameless(history.initialGuardian),
      guardianEvents: history.guardianEvents.map(scrubbed),
    },
    child: { name: null, idNumber: null },
    sourceDetail: null,
    guardian: file.guardian && nameless(file.guardian),
    revokedGuardians: file.revokedGuardians.map(nameless),
    erased: true,
  };
}
