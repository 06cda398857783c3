import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  RESERVATION_STREAM_PREFIX,
  businessDateOf,
  impliedCategory,
  rosterImportDecider,
  rosterImportStream,
  type CasePolicy,
  type Evidence,
  type MonitoringPolicy,
  type RosterImportResult,
  type RosterKind,
} from '@app/domain';
import { READ_MODEL_STORE, type ReadModelStore } from '@app/read-models';
import { CaseCommandService } from '../cases/case-command.service';
import { reservationStream } from '@app/runtime/streams/case-streams';
import { assertAllowed, envelopeFor, type CommandContext } from '../cases/command-context';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CommandPath } from '../command/command-path';
import { KeyedLock } from '../command/keyed-lock';
import { UuidV7Generator } from '@app/runtime/ids/uuid-v7';
import { APP_CONFIG, type AppConfig } from '@app/runtime/config/app-config';
import { CASE_POLICY, MONITORING_POLICY } from '@app/runtime/config/policy';
import { CANDIDATE_STORE, type CandidateStore } from './candidates/candidate-store.port';
import { RosterReader } from '@app/runtime/monitoring/roster-reader';
import {
  emptyTally,
  RosterMatcher,
  type RosterMatchRules,
  type RosterTally,
} from './roster-matcher';
import { RosterSpool } from './roster-spool';
import { CandidateRetention } from './candidate-retention';

export type RosterImportRequest = {
  kind: RosterKind;
  asOf: string;
  complete: boolean;
  /** the prefix the roster covers (default: the importer's regions) */
  regionCode?: string;
};

/** The contract's answer, and what else an import found (rows it left alone, and why). */
export type RosterImportAnswer = RosterImportResult & {
  invalidRowCount: number;
  casesOutsideRegions: number;
  adultRows: number;
  replayed: boolean;
  /** the import's place in the log: pass it as consistentWith to read its signals */
  position: string;
};

/** cases whose signals are appended at once (the store commits them together) */
const APPEND_CONCURRENCY = 32;
/** rows matched with one query and merged in one transaction */
const BATCH_ROWS = 5000;

/** How far an import is: bytes of the file received, then bytes of it matched. */
export type RosterProgress = { received: number; matched: number };

/**
 * A roster import: the body received whole into an encrypted spool (checked for its encoding,
 * header and line lengths, and known by its SHA-256) before anything is written; a file imported
 * before answers with the first import's result at once. Then the rows are read back in batches,
 * validated one by one, matched to open cases by the keyed hash the reservations use (a batch of
 * hashes, one query), the evidence kept per case (bounded by the cases, not the file), and the
 * rows with no open case merged into the candidates, one transaction per batch. Last, the
 * signals are appended on the cases' streams and the import recorded.
 */
@Injectable()
export class RosterImportService {
  private readonly logger = new Logger(RosterImportService.name);
  private readonly ids = new UuidV7Generator();
  /** one import at a time in this process: they merge into the same candidates */
  private readonly lock = new KeyedLock();

  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(CANDIDATE_STORE) private readonly candidates: CandidateStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly path: CommandPath,
    private readonly cases: CaseCommandService,
    private readonly retention: CandidateRetention,
    @Inject(CASE_POLICY) private readonly casePolicy: CasePolicy,
    @Inject(MONITORING_POLICY) private readonly policy: MonitoringPolicy,
  ) {}

  run(
    request: RosterImportRequest,
    body: Readable,
    ctx: CommandContext,
    onProgress?: (progress: RosterProgress) => void,
  ): Promise<RosterImportAnswer> {
    assertAllowed(
      ctx.principal,
      'importRoster',
      ...(request.regionCode ? [request.regionCode] : []),
    );
    return this.lock.run('import', () => this.importFile(request, body, ctx, onProgress));
  }

  private async importFile(
    request: RosterImportRequest,
    body: Readable,
    ctx: CommandContext,
    onProgress?: (progress: RosterProgress) => void,
  ): Promise<RosterImportAnswer> {
    const importId = this.ids.next();
    const spool = await RosterSpool.receive(body, this.config.dataDir, importId, (received) =>
      onProgress?.({ received, matched: 0 }),
    );
    try {
      const stream = rosterImportStream(spool.sha256);
      const before = await this.path.load(stream, rosterImportDecider);
      if (before.state.imported)
        return answerOf(before.state.imported, true, before.lastPosition ?? '0');
      return await this.importNew(request, spool, importId, ctx, onProgress);
    } finally {
      await spool.remove();
    }
  }

  private async importNew(
    request: RosterImportRequest,
    spool: RosterSpool,
    importId: string,
    ctx: CommandContext,
    onProgress?: (progress: RosterProgress) => void,
  ): Promise<RosterImportAnswer> {
    const now = this.clock.now().toISOString();
    const today = businessDateOf(now);
    const regions = request.regionCode ? [request.regionCode] : ctx.principal.regions;
    const rules: RosterMatchRules = {
      importId,
      kind: request.kind,
      asOf: request.asOf,
      today,
      regions,
      principalRegions: ctx.principal.regions,
      implied: impliedCategory(request.kind, this.policy),
      ageOfMajority: this.casePolicy.ageOfMajority,
      at: now,
    };
    const tally = emptyTally();
    const matcher = new RosterMatcher(
      this.store,
      this.candidates,
      (idNumber) => this.hashOf(idNumber),
      () => this.ids.next(),
    );
    const reader = new RosterReader(spool.read(), BATCH_ROWS);
    try {
      for await (const batch of reader.batches()) {
        await matcher.matchBatch(batch, rules, tally);
        onProgress?.({ received: spool.bytes, matched: reader.bytesRead() });
      }
    } finally {
      await matcher.finish(tally);
    }
    const stream = rosterImportStream(spool.sha256);
    if (request.complete) await this.lapsed(request, regions, today, importId, tally);
    const signals = await this.raise(tally.evidence, ctx);
    const outcome = await this.path.run(
      stream,
      rosterImportDecider,
      {
        type: 'RecordRosterImport',
        data: {
          importId,
          rows: tally.rows,
          matchedCases: tally.matched.size,
          candidates: tally.candidates,
          signals,
          invalidRows: tally.invalid,
          invalidRowCount: tally.invalidCount,
          casesOutsideRegions: tally.outside,
          adultRows: tally.adults,
          kind: request.kind,
          asOf: request.asOf,
          complete: request.complete,
          regions: [...regions],
          fileSha256: spool.sha256,
          fileBytes: spool.bytes,
          importedAt: now,
        },
      },
      envelopeFor(ctx, now),
    );
    await this.retention.sweep();
    const recorded = outcome.state.imported!;
    this.logger.log(
      `roster import ${recorded.importId}: ${recorded.rows} rows, ${recorded.signals} signals, ` +
        `${recorded.candidates} candidates, ${recorded.invalidRows.length} invalid`,
    );
    return answerOf(recorded, recorded.importId !== importId, outcome.position ?? '0');
  }

  /** "A case that holds the category a complete roster covers but is absent from it". */
  private async lapsed(
    request: RosterImportRequest,
    regions: readonly string[],
    today: string,
    importId: string,
    tally: RosterTally,
  ): Promise<void> {
    const category = impliedCategory(request.kind, this.policy);
    if (category === null) return;
    const everywhere = regions.some((r) => r === '' || r === '*');
    const holders = await this.store.casesHolding(category, everywhere ? null : regions, today);
    for (const holder of holders) {
      if (tally.matched.has(holder.caseId)) continue;
      tally.evidence.set(holder.caseId, [
        {
          kind: 'CATEGORY_EVIDENCE_LAPSED',
          rosterKind: request.kind,
          category,
          asOf: request.asOf,
          importId,
        },
      ]);
    }
  }

  /** One append per case with evidence, a few cases at a time (the store commits them together). */
  private async raise(evidence: Map<string, Evidence[]>, ctx: CommandContext): Promise<number> {
    const work = [...evidence.entries()];
    let next = 0;
    let raised = 0;
    const worker = async () => {
      while (next < work.length) {
        const [caseId, items] = work[next++];
        const outcome = await this.cases.execute(
          {
            type: 'RaiseMonitoringSignals',
            caseId,
            data: { evidence: items.map((e) => ({ ...e, signalId: this.ids.next() })) },
          },
          ctx,
          // thousands of cases, each touched once: their folds are not kept
          { keepFold: false },
        );
        raised += outcome.eventIds.length;
      }
    };
    await Promise.all(Array.from({ length: APPEND_CONCURRENCY }, worker));
    return raised;
  }

  /** The reservations' keyed hash of the number (their stream name without its prefix). */
  private hashOf(idNumber: string): string {
    return reservationStream(this.config.identityKey, idNumber).slice(
      RESERVATION_STREAM_PREFIX.length,
    );
  }
}

function answerOf(
  data: RosterImportResult & Partial<Omit<RosterImportAnswer, 'replayed' | 'position'>>,
  replayed: boolean,
  position: string,
): RosterImportAnswer {
  return {
    importId: data.importId,
    rows: data.rows,
    matchedCases: data.matchedCases,
    candidates: data.candidates,
    signals: data.signals,
    invalidRows: data.invalidRows,
    invalidRowCount: data.invalidRowCount ?? data.invalidRows.length,
    casesOutsideRegions: data.casesOutsideRegions ?? 0,
    adultRows: data.adultRows ?? 0,
    replayed,
    position,
  };
}
