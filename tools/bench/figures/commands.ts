import { CommandBus } from '@nestjs/cqrs';
import type { CaseCommandResult } from '../../../apps/api/src/cases/case-command.service';
import {
  ExecuteCaseCommand,
  IdentifyChildCommand,
} from '../../../apps/api/src/cases/commands/case.commands';
import { PRESETS } from '../../seed/regions';
import { planRegion } from '../../seed/seed-plan';
import { startInProcessApp } from '../support/bench-app';
import { perSecond, runConcurrently } from '../support/concurrent';
import { WRITE_CALLERS } from '../support/sample-events';
import type { Durations, Measured } from './measured';

const CASES = 1000;

/**
 * commandsPerSec: RecordVisit through the CommandBus (handler -> CaseCommandService -> load,
 * decide, append) on 1,000 identified cases, 32 callers each owning its own cases, the whole app
 * initialised in this process but no HTTP. PROJECTIONS=external (the deployment where
 * apps/projector follows the log in its own process), so the figure is the command path alone;
 * the seed shows commands with the in-process projector sharing the thread.
 */
export async function measureCommands(
  dir: string,
  asOf: string,
  { measureMs, warmupMs }: Durations,
): Promise<Measured> {
  const app = await startInProcessApp(dir, { PROJECTIONS: 'external' });
  try {
    const bus = app.get(CommandBus);
    const plan = planRegion(PRESETS.zibo, { seed: 8, asOf, children: CASES });
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
    const cursors = Array.from({ length: WRITE_CALLERS }, (_, c) => c);
    const visit = async (caller: number) => {
      const index = cursors[caller];
      const following = index + WRITE_CALLERS;
      cursors[caller] = following < cases.length ? following : caller;
      const { caseId, actor } = cases[index];
      await bus.execute(
        new ExecuteCaseCommand(
          { type: 'RecordVisit', caseId, data: { visitedAt, notes: null } },
          { principal: actor, correlationId: 'bench-visit' },
        ),
      );
    };
    const warm = await runConcurrently(WRITE_CALLERS, warmupMs, visit);
    const result = await runConcurrently(WRITE_CALLERS, measureMs, visit);
    const eventsPerCase = (visits: number) => Math.round((1 + visits / cases.length) * 10) / 10;
    return {
      figures: { commandsPerSec: perSecond(result) },
      notes: {
        commands: result.ops,
        commandStreamLength: `${eventsPerCase(warm.ops)} -> ${eventsPerCase(warm.ops + result.ops)} events per case stream`,
      },
    };
  } finally {
    await app.close();
  }
}
