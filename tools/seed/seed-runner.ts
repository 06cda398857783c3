import type { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AgeOutReviewService } from '../../apps/api/src/age-out/age-out-review.service';
import type { Principal } from '@app/runtime/auth/principal';
import { CaseCommandService } from '../../apps/api/src/cases/case-command.service';
import type { CommandContext } from '../../apps/api/src/cases/command-context';
import { toContractError } from '@app/runtime/errors/to-contract-error';
import { SetBenefitStandardCommand } from '../../apps/api/src/standards/set-benefit-standard';
import { recordedAt, useRecordingClock } from './recording';
import type { ChildPlan, SeedPlan } from './seed-plan';

export interface SeedReport {
  children: number;
  commands: number;
  /** refusals by contract code: a healthy plan has none or very few */
  refused: Record<string, number>;
  review: { agedOut: number; extended: number; graduationGrants: number };
}

/**
 * Runs a plan through the real command path (the same services the GraphQL mutations call),
 * `concurrency` children at a time, each child's commands in order, each at the moment the plan
 * says it was recorded (the application's clock reads it: see useRecordingClock).
 */
export async function runSeed(
  app: INestApplication,
  plan: SeedPlan,
  options: {
    concurrency: number;
    asOf: string;
    /** after each child: its case id (null when its identification was refused) */
    onChild?: (caseId: string | null, index: number) => void;
  },
): Promise<SeedReport> {
  const restoreClock = useRecordingClock(app);
  try {
    return await seedPlan(app, plan, options);
  } finally {
    restoreClock();
  }
}

async function seedPlan(
  app: INestApplication,
  plan: SeedPlan,
  options: Parameters<typeof runSeed>[2],
): Promise<SeedReport> {
  const cases = app.get(CaseCommandService);
  const report: SeedReport = {
    children: 0,
    commands: 0,
    refused: {},
    review: { agedOut: 0, extended: 0, graduationGrants: 0 },
  };
  const ctx = (principal: Principal, correlationId: string): CommandContext => ({
    principal,
    correlationId,
  });
  const refuse = (error: unknown) => {
    const { code } = toContractError(error);
    report.refused[code] = (report.refused[code] ?? 0) + 1;
    if (code === 'INTERNAL_SERVER_ERROR') throw error;
  };

  const bus = app.get(CommandBus);
  for (const { recordedAt: announced, ...standard } of plan.standards) {
    await recordedAt(announced, () =>
      bus.execute(new SetBenefitStandardCommand(standard, ctx(plan.bureau, 'seed-standards'))),
    );
    report.commands++;
  }

  const seedChild = async (child: ChildPlan, index: number): Promise<string | null> => {
    const correlationId = `seed-child-${index}`;
    let caseId: string;
    try {
      const { data, actor } = child.identify;
      caseId = (
        await recordedAt(child.identify.recordedAt, () =>
          cases.identify(data, ctx(actor, correlationId)),
        )
      ).caseId;
      report.commands++;
    } catch (error) {
      refuse(error);
      return null;
    }
    report.children++;
    for (const step of child.steps) {
      try {
        await recordedAt(step.recordedAt, () =>
          cases.execute(step.command(caseId), ctx(step.actor, correlationId)),
        );
        report.commands++;
      } catch (error) {
        refuse(error);
      }
    }
    return caseId;
  };

  let next = 0;
  const worker = async () => {
    while (next < plan.children.length) {
      const index = next++;
      const caseId = await seedChild(plan.children[index], index);
      options.onChild?.(caseId, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));

  const review = await app
    .get(AgeOutReviewService)
    .run(options.asOf, ctx(plan.bureau, 'seed-age-out-review'));
  report.review = {
    agedOut: review.agedOut,
    extended: review.extended,
    graduationGrants: review.graduationGrants,
  };
  return report;
}
