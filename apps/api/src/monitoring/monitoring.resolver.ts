import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotFound } from '@app/domain';
import { READ_MODEL_STORE, type ReadModelStore, type SignalRow } from '@app/read-models';
import { Inject } from '@nestjs/common';
import type { Principal } from '@app/runtime/auth/principal';
import { CaseCommandService } from '../cases/case-command.service';
import { assertAllowed } from '../cases/command-context';
import { CommandResult } from '../cases/graphql/case.types';
import { CorrelationId, CurrentPrincipal } from '../auth/request-context';
import { DEFAULT_PAGE } from '../read-models/graphql/read-model.args';
import { ReadConsistency } from '../read-models/read-consistency';
import { scopeOf } from '../read-models/reader-scope';
import { IdentificationCandidates } from './candidates/identification-candidates';
import {
  IdentificationCandidateConnection,
  MonitoringPageArgs,
  MonitoringSignal,
  MonitoringSignalConnection,
  MonitoringSignalsArgs,
  ResolveSignalInput,
} from './graphql/monitoring.types';

const pageInfo = <T extends { id: string }>(
  rows: T[],
  hasNextPage: boolean,
  after?: string | null,
) => ({
  hasNextPage,
  hasPreviousPage: Boolean(after),
  startCursor: rows[0]?.id ?? null,
  endCursor: rows.at(-1)?.id ?? null,
});

const toSignal = (s: SignalRow): MonitoringSignal => ({ ...s, id: s.signalId });

/** 动态监测: the signal worklist, resolving a signal, and the identification candidates. */
@Resolver()
export class MonitoringResolver {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly consistency: ReadConsistency,
    private readonly cases: CaseCommandService,
    private readonly candidates: IdentificationCandidates,
  ) {}

  @Query(() => MonitoringSignalConnection, {
    description: '监测信号 / monitoring signals on the cases in your regions, oldest first',
  })
  async monitoringSignals(
    @Args() { regionCode, status, first, after, consistentWith }: MonitoringSignalsArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<MonitoringSignalConnection> {
    assertAllowed(principal, 'monitoringSignals', ...(regionCode ? [regionCode] : []));
    await this.consistency.ensure(consistentWith);
    const limit = first ?? DEFAULT_PAGE;
    const page = await this.store.monitoringSignals({
      regions: regionCode ? [regionCode] : scopeOf(principal),
      status: status ?? undefined,
      after: after ?? undefined,
      limit: limit + 1,
    });
    const rows = page.rows.slice(0, limit).map(toSignal);
    return {
      edges: rows.map((node) => ({ node, cursor: node.id })),
      pageInfo: pageInfo(rows, page.rows.length > limit, after),
      totalCount: page.totalCount,
    };
  }

  @Mutation(() => CommandResult, { description: '处理监测信号 / resolve a signal, saying why' })
  async resolveSignal(
    @Args('input') { signalId, resolution }: ResolveSignalInput,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
  ): Promise<CommandResult> {
    assertAllowed(principal, 'resolveSignal');
    const signal = await this.store.findSignal(signalId);
    if (!signal) throw new NotFound('signal');
    const result = await this.cases.execute(
      { type: 'ResolveSignal', caseId: signal.caseId, data: { signalId, resolution } },
      { principal, correlationId },
    );
    return { caseId: result.caseId, revision: result.revision, position: result.position };
  }

  @Query(() => IdentificationCandidateConnection, {
    description: '识别线索 / children rosters list with no open case, by village, for a visit',
  })
  async identificationCandidates(
    @Args() { regionCode, first, after }: MonitoringPageArgs,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IdentificationCandidateConnection> {
    const page = await this.candidates.page(principal, {
      regionCode,
      first: first ?? DEFAULT_PAGE,
      after,
    });
    return {
      edges: page.rows.map((node) => ({ node, cursor: node.id })),
      pageInfo: pageInfo(page.rows, page.hasNextPage, after),
      totalCount: page.totalCount,
    };
  }
}
