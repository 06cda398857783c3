import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { parseYuan } from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import { CorrelationId, CurrentPrincipal } from '../auth/request-context';
import { withArgumentPaths } from '../validation/argument-paths';
import type { CaseCommandInput, CaseCommandResult } from './case-command.service';
import { ExecuteCaseCommand, IdentifyChildCommand } from './commands/case.commands';
import { CommandResult } from './graphql/case.types';
import {
  AssessRiskInput,
  AssignCaseworkerInput,
  CloseCaseInput,
  DetermineCategoriesInput,
  EndProgrammeInput,
  EnrollInProgrammeInput,
  RecordEducationInput,
  RecordGraduationInput,
  RecordVisitInput,
  ReopenCaseInput,
  TransferCaseInput,
} from './inputs/case-inputs';
import {
  CorrectCaseInput,
  ReportGuardianshipCrisisInput,
  UrgeGuardianInput,
} from './inputs/guardianship-inputs';
import { IdentifyChildInput } from './inputs/identify-child.input';
import { IdentificationCandidates } from '../monitoring/candidates/identification-candidates';

const toResult = (r: CaseCommandResult): CommandResult => ({
  caseId: r.caseId,
  revision: r.revision,
  position: r.position,
});

/** The case mutations of CONTRACT.md: map the input to a domain command, send it on the bus. */
@Resolver()
export class CaseMutationsResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly candidates: IdentificationCandidates,
  ) {}

  private run(
    principal: Principal,
    correlationId: string,
    command: CaseCommandInput,
  ): Promise<CommandResult> {
    return withArgumentPaths('input', () =>
      this.commands.execute(new ExecuteCaseCommand(command, { principal, correlationId })),
    ).then(toResult);
  }

  @Mutation(() => CommandResult, { description: '发现识别 / identify a child' })
  async identifyChild(
    @Args('input') input: IdentifyChildInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CommandResult> {
    const { guardian, categories, candidateId, ...rest } = input;
    if (candidateId)
      await withArgumentPaths('input', () =>
        this.candidates.checkForIdentification(candidateId, input.idNumber, principal),
      );
    const data = {
      ...rest,
      categories: categories ?? [],
      guardian: guardian
        ? { kind: guardian.kind, name: guardian.name, relation: guardian.relation ?? null }
        : null,
    };
    const result: CaseCommandResult = await withArgumentPaths('input', () =>
      this.commands.execute(new IdentifyChildCommand(data, { principal, correlationId })),
    );
    if (candidateId)
      await this.candidates.closeAsCase(candidateId, result.caseId, new Date().toISOString());
    return toResult(result);
  }

  @Mutation(() => CommandResult, { description: '风险评估 / assess the three risks' })
  assessRisk(
    @Args('input') { caseId, ...data }: AssessRiskInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'AssessRisk', caseId, data });
  }

  @Mutation(() => CommandResult, { description: '类别认定 / determine categories' })
  determineCategories(
    @Args('input') { caseId, ...data }: DetermineCategoriesInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'DetermineCategories', caseId, data });
  }

  @Mutation(() => CommandResult, { description: '纳入保障 / enrol in a programme' })
  enrollInProgramme(
    @Args('input') { caseId, amount, fastTrack, ...data }: EnrollInProgrammeInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    const amountFen = amount === undefined || amount === null ? null : parseYuan(amount);
    return this.run(p, c, {
      type: 'EnrollInProgramme',
      caseId,
      data: { ...data, fastTrack: fastTrack ?? false, amountFen },
    });
  }

  @Mutation(() => CommandResult, { description: '停止保障项目 / end a programme' })
  endProgramme(
    @Args('input') { caseId, ...data }: EndProgrammeInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'EndProgramme', caseId, data });
  }

  @Mutation(() => CommandResult, { description: '记录受教育情况 / record education' })
  recordEducation(
    @Args('input') { caseId, ...data }: RecordEducationInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'RecordEducation', caseId, data });
  }

  @Mutation(() => CommandResult, { description: '记录毕业 / record graduation' })
  recordGraduation(
    @Args('input') { caseId, ...data }: RecordGraduationInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'RecordGraduation', caseId, data });
  }

  @Mutation(() => CommandResult, { description: '指派儿童主任 / assign a caseworker' })
  assignCaseworker(
    @Args('input') { caseId, ...data }: AssignCaseworkerInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'AssignCaseworker', caseId, data });
  }

  @Mutation(() => CommandResult, { description: '记录走访 / record a follow-up visit' })
  recordVisit(
    @Args('input') { caseId, ...data }: RecordVisitInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'RecordVisit', caseId, data });
  }

  @Mutation(() => CommandResult, { description: '转移个案 / transfer to another region' })
  transferCase(
    @Args('input') { caseId, ...data }: TransferCaseInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'TransferCase', caseId, data });
  }

  @Mutation(() => CommandResult, { description: '结案 / close the case' })
  closeCase(
    @Args('input') { caseId, ...data }: CloseCaseInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'CloseCase', caseId, data });
  }

  @Mutation(() => CommandResult, { description: '重新开案 / reopen the case' })
  reopenCase(
    @Args('input') { caseId, ...data }: ReopenCaseInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'ReopenCase', caseId, data });
  }

  @Mutation(() => CommandResult, {
    description: '报告监护危机 / report lacking or improper guardianship',
  })
  reportGuardianshipCrisis(
    @Args('input') { caseId, ...data }: ReportGuardianshipCrisisInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'ReportGuardianshipCrisis', caseId, data });
  }

  @Mutation(() => CommandResult, { description: '督促监护人履责 / urge the guardian to perform' })
  urgeGuardian(
    @Args('input') { caseId, ...data }: UrgeGuardianInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'UrgeGuardian', caseId, data });
  }

  @Mutation(() => CommandResult, {
    description: '更正记录(新事件,不改历史)/ correct the record with a new event',
  })
  correctCase(
    @Args('input') { caseId, ...data }: CorrectCaseInput,
    @CurrentPrincipal() p: Principal,
    @CorrelationId() c: string,
  ) {
    return this.run(p, c, { type: 'CorrectCase', caseId, data });
  }
}
