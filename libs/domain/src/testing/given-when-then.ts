import { DEFAULT_POLICY } from '../policy/case-policy';
import { caseDecider } from '../case/case.decider';
import type { CaseCommand } from '../case/case.commands';
import type { CaseEvent } from '../case/case.events';
import type { CaseState } from '../case/case.state';
import type { Decider } from '../shared/decider';

type ErrorClass<T extends Error> = abstract new (...args: never[]) => T;

/**
 * given(events).when(command).then(events) / .thenThrows(ErrorClass). A refusal's message and
 * field messages are also checked to carry none of the ID numbers and names in the spec's data.
 */
export function deciderSpec<S, C, E extends { type: string; data: unknown }>(
  decider: Decider<S, C, E>,
) {
  return (events: readonly E[] = []) => {
    const state = events.reduce(decider.evolve, decider.initialState());
    return {
      state,
      when(command: C) {
        const run = () => decider.decide(command, state);
        return {
          then(expected: E[]): E[] {
            const actual = run();
            expect(actual).toEqual(expected);
            return actual;
          },
          thenNothing(): void {
            expect(run()).toEqual([]);
          },
          /** the state after the command's events, for assertions on evolve */
          thenState(): S {
            return run().reduce(decider.evolve, state);
          },
          thenThrows<T extends Error>(errorClass: ErrorClass<T>): T {
            let thrown: unknown;
            try {
              run();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(errorClass);
            expectNoPersonalInfo(thrown as Error, [events, command]);
            return thrown as T;
          },
        };
      },
    };
  };
}

export const given: (
  events?: readonly CaseEvent[],
) => ReturnType<ReturnType<typeof deciderSpec<CaseState, CaseCommand, CaseEvent>>> = deciderSpec<
  CaseState,
  CaseCommand,
  CaseEvent
>(caseDecider(DEFAULT_POLICY));

/** Every `name`/`idNumber`-like string in `data`, sought in the error's message and fields. */
export function expectNoPersonalInfo(error: Error, data: unknown): void {
  const secrets = personalStrings(data);
  const text = JSON.stringify({ ...error, message: error.message });
  for (const secret of secrets) expect(text).not.toContain(secret);
}

function personalStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string')
    return ['name', 'idNumber', 'to', 'from'].includes(key) && value.length >= 2 ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => personalStrings(v, key));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => personalStrings(v, k));
  return [];
}
