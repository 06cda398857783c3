import { DEFAULT_POLICY } from '@app/domain';
import { CommandBus } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../../../apps/api/src/cases/case-command.service';
import {
  ExecuteCaseCommand,
  IdentifyChildCommand,
} from '../../../apps/api/src/cases/commands/case.commands';
import { PRESETS } from '../../seed/regions';
import { planRegion } from '../../seed/seed-plan';
import { startInProcessApp } from '../support/bench-app';
import { perSecond, type LoopResult } from '../support/concurrent';
import { WRITE_CALLERS } from '../support/sample-events';
import type { Durations, Measured } from './measured';

/** Visits per case before the clock starts, and while it runs: streams go from 6 to 16 events. */
const WARM_VISITS = 5;
const MEASURED_VISITS = 10;

/**
 * commandsPerSec: RecordVisit through the CommandBus (handler -> CaseCommandService -> load,
 * decide, append) on identified cases, 32 callers each owning its own cases, the whole app
 * initialised in this process but no HTTP. PROJECTIONS=external (the deployment where
 * apps/projector follows the log in its own process), so the figure is the command path alone.
 * A fixed amount of work, not a fixed time: each command reads its whole stream, so a longer
 * run on the same cases would measure longer streams. `env` picks another event store.
 */
export async function measureCommands(
  dir: string,
  asOf: string,
  { commandCases }: Durations,
  env: Record<string, string> = {},
): Promise<Measured> {
  const app = await startInProcessApp(dir, { PROJECTIONS: 'external', ...env });
  try {
    const bus = app.get(CommandBus);
    const plan = planRegion(PRESETS.zibo, {
      policy: DEFAULT_POLICY,
      seed: 8,
      asOf,
      children: commandCases,
    });
    const cases: { caseId: string; actor: (typeof plan.children)[number]['identify']['actor'] }[] =
      [];
    let next = 0;
    await Promise.all(
      Array.from({ length: WRITE_CALLERS }, async () => {
        while (next < plan.children.length) {
          const { data, actor } = plan.children[next++].identify;
          const result = await bus.execute<IdentifyChildCommand, CaseCommandResult>(
            new IdentifyChildCommand(data, { principal: actor, correlationId: 'bench-identify' }),
          );
          cases.push({ caseId: result.caseId, actor });
        }
      }),
    );
    const visitedAt = `${asOf}T14:00:00+08:00`;
    const visit = ({ caseId, actor }: (typeof cases)[number]) =>
      bus.execute(
        new ExecuteCaseCommand(
          { type: 'RecordVisit', caseId, data: { visitedAt, notes: null } },
          { principal: actor, correlationId: 'bench-visit' },
        ),
      );
    // caller c visits cases c, c + 32, ... in turn, `rounds` times each
    const visitAll = async (rounds: number): Promise<LoopResult> => {
      const started = performance.now();
      await Promise.all(
        Array.from({ length: WRITE_CALLERS }, async (_, caller) => {
          for (let round = 0; round < rounds; round++)
            for (let i = caller; i < cases.length; i += WRITE_CALLERS) await visit(cases[i]);
        }),
      );
      return { ops: rounds * cases.length, ms: performance.now() - started };
    };
    await visitAll(WARM_VISITS);
    const result = await visitAll(MEASURED_VISITS);
    return {
      figures: { commandsPerSec: perSecond(result) },
      notes: {
        commands: result.ops,
        commandStreams: `${cases.length} cases, ${1 + WARM_VISITS} -> ${1 + WARM_VISITS + MEASURED_VISITS} events each`,
      },
    };
  } finally {
    await app.close();
  }
}
