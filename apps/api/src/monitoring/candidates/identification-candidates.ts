import { Inject, Injectable } from '@nestjs/common';
import {
  RESERVATION_STREAM_PREFIX,
  candidateErasedOn,
  maskIdNumber,
  normalizeIdNumber,
  type MonitoringPolicy,
} from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import { reservationStream } from '@app/runtime/streams/case-streams';
import { assertAllowed } from '../../cases/command-context';
import { APP_CONFIG, type AppConfig } from '@app/runtime/config/app-config';
import { MONITORING_POLICY } from '@app/runtime/config/policy';
import { BadUserInput } from '@app/runtime/errors/app-errors';
import { scopeOf } from '../../read-models/reader-scope';
import type { IdentificationCandidate } from '../graphql/monitoring.types';
import { CandidateRetention } from '../candidate-retention';
import { CANDIDATE_STORE, type Candidate, type CandidateStore } from './candidate-store.port';

/** The candidates' worklist, and `identifyChild(candidateId:)`'s checks around the case. */
@Injectable()
export class IdentificationCandidates {
  constructor(
    @Inject(CANDIDATE_STORE) private readonly store: CandidateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly retention: CandidateRetention,
    @Inject(MONITORING_POLICY) private readonly policy: MonitoringPolicy,
  ) {}

  async page(
    principal: Principal,
    query: { regionCode?: string | null; first: number; after?: string | null },
  ): Promise<{ rows: IdentificationCandidate[]; totalCount: number; hasNextPage: boolean }> {
    assertAllowed(
      principal,
      'identificationCandidates',
      ...(query.regionCode ? [query.regionCode] : []),
    );
    await this.retention.sweep();
    const page = await this.store.list({
      regions: query.regionCode ? [query.regionCode] : scopeOf(principal),
      after: query.after ?? undefined,
      limit: query.first + 1,
    });
    return {
      rows: page.rows.slice(0, query.first).map((c) => view(c, this.policy)),
      totalCount: page.totalCount,
      hasNextPage: page.rows.length > query.first,
    };
  }

  /**
   * The candidate an identification names: still a candidate, in the caller's regions, and the
   * same child (its ID number has the candidate's keyed hash). Refusals name `candidateId` only.
   */
  async checkForIdentification(
    candidateId: string,
    idNumber: string,
    principal: Principal,
  ): Promise<void> {
    const candidate = await this.store.find(candidateId);
    if (!candidate) {
      const closed = await this.store.closedAs(candidateId);
      throw new BadUserInput([
        {
          field: 'candidateId',
          message: closed
            ? 'was identified already'
            : 'is no candidate (never was, or erased after the retention period)',
        },
      ]);
    }
    assertAllowed(principal, 'identifyChild', candidate.regionCode);
    const hash = reservationStream(this.config.identityKey, normalizeIdNumber(idNumber)).slice(
      RESERVATION_STREAM_PREFIX.length,
    );
    if (hash !== candidate.idHash)
      throw new BadUserInput([
        { field: 'candidateId', message: 'names another child than the ID number given' },
      ]);
  }

  /** "turns one into a case and closes the candidate": its personal information leaves the store. */
  async closeAsCase(candidateId: string, caseId: string, at: string): Promise<void> {
    await this.store.closeCandidate(candidateId, caseId, at);
  }
}

function view(c: Candidate, policy: MonitoringPolicy): IdentificationCandidate {
  return {
    id: c.id,
    regionCode: c.regionCode,
    rosterKinds: c.rosterKinds,
    firstSeenOn: c.firstSeenOn,
    lastSeenOn: c.lastSeenOn,
    erasedOn: candidateErasedOn(c.seenAt.slice(0, 10), policy),
    // ChildInfoResolver shows name and ID number to entitled roles and logs each read under this id
    child: {
      caseId: c.id,
      regionCode: c.regionCode,
      fullName: c.name,
      fullIdNumber: c.idNumber,
      idNumberMasked: maskIdNumber(c.idNumber),
    },
  };
}
