import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { chainHash, type BusinessMetadata, type EventMetadata } from '@app/domain';
import {
  EVENT_STORE,
  StreamNotFound,
  WrongExpectedRevision,
  type EventStore,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
} from '@app/event-store';
import type { Principal } from '@app/runtime/auth/principal';
import { ConcurrencyConflict } from '@app/runtime/errors/app-errors';
import { toContractError } from '@app/runtime/errors/to-contract-error';
import { commandDuration, commandRetries, commandsTotal } from '@app/runtime/metrics/metrics';
import { LogHead } from '@app/runtime/event-store/log-head';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import type { PersonalDataSealer } from '@app/runtime/personal-data/personal-data-sealer';
import { PERSONAL_DATA } from '@app/runtime/personal-data/personal-data.token';
import { FoldCache } from './fold-cache';
import type { LoadedStream } from './loaded-stream';
import { UuidV7Generator } from '@app/runtime/ids/uuid-v7';
import type { Decider } from '@app/domain';

/** Who asks, on what grounds, and the business time the resulting events carry. */
export interface CommandEnvelope {
  principal: Principal;
  correlationId: string;
  /** the message that caused this command; a fresh command id when a person asked */
  causationId?: string;
  /** business time of the events (ISO DateTime), or how to read it off each event */
  occurredAt: string | ((event: { type: string; data: unknown }) => string);
  /** fixed event ids (the agency API derives them from its Idempotency-Key) */
  eventIds?: string[];
  /**
   * false: leave the stream's fold out of the cache (a bulk writer touching thousands of streams
   * once, a roster import, would otherwise hold all their folds and push out the ones in use)
   */
  keepFold?: boolean;
}

export interface CommandOutcome<State> {
  state: State;
  /** the stream's revision after the command ('no_stream' when nothing was ever written) */
  revision: bigint | 'no_stream';
  position: Position | null;
  eventIds: string[];
  eventTypes: string[];
}

const MAX_ATTEMPTS = 4;

/**
 * The one command path: read the stream, fold `evolve`, `decide`, append with the expected
 * revision, and retry from the top when another writer got there first.
 */
@Injectable()
export class CommandPath {
  private readonly folds = new FoldCache();
  private readonly ids = new UuidV7Generator();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly head: LogHead,
    /** seals personal information before the hash is taken (absent: stored as given) */
    @Optional() @Inject(PERSONAL_DATA) private readonly personalData?: PersonalDataSealer,
  ) {}

  /**
   * Reads the stream and folds it. Streams folded before are caught up from their cached fold
   * (only the events after it are read), so a command no longer re-reads and re-parses its whole
   * history; what another writer appended meanwhile is still read, and the append's expected
   * revision guards the rest. A search for an event id always reads the whole stream.
   */
  async load<S, E extends { type: string; data: unknown }>(
    streamId: string,
    decider: Pick<Decider<S, unknown, E>, 'initialState' | 'evolve'>,
    lookForId?: string,
    keepFold = true,
  ): Promise<LoadedStream<S>> {
    const cached = lookForId === undefined ? this.folds.get(streamId, decider.evolve) : undefined;
    let state = cached ? (cached.state as S) : decider.initialState();
    let holdsId = false;
    let revision: bigint | 'no_stream' = cached?.revision ?? 'no_stream';
    let lastHash = cached?.lastHash;
    let lastPosition = cached?.lastPosition;
    let lastRecordedAt = cached?.lastRecordedAt;
    const from = typeof revision === 'bigint' ? revision + 1n : 'start';
    try {
      for await (const event of this.store.readStream(streamId, { fromRevision: from })) {
        state = decider.evolve(state, { type: event.type, data: event.data } as E);
        holdsId ||= event.id === lookForId;
        revision = event.revision;
        const metadata = event.metadata as Partial<EventMetadata>;
        lastHash = metadata.hash;
        lastRecordedAt = metadata.recordedAt;
        lastPosition = event.position;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
    }
    const loaded = { state, revision, lastHash, lastPosition, lastRecordedAt, holdsId };
    if (revision !== 'no_stream' && keepFold) this.folds.set(streamId, decider.evolve, loaded);
    return loaded;
  }

  async run<S, C, E extends { type: string; data: unknown }>(
    streamId: string,
    decider: Decider<S, C, E>,
    command: C | ((state: S) => C),
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome<S>> {
    const name =
      (typeof command === 'object' && command !== null && (command as { type?: string }).type) ||
      'unknown';
    const stopTimer = commandDuration.startTimer({ command: name });
    try {
      const outcome = await this.attempt(streamId, decider, command, envelope);
      commandsTotal.inc({ command: name, outcome: 'ok' });
      return outcome;
    } catch (error) {
      commandsTotal.inc({ command: name, outcome: toContractError(error).code });
      throw error;
    } finally {
      stopTimer();
    }
  }

  /**
   * Decides first on the stream's cached fold without reading it (this process's last command on
   * the stream usually left it current), and reads only when that cannot be trusted: an append
   * refused for its expected revision (another writer got there first), or an answer that wrote
   * nothing (a refusal or a no-op is only given on a state just read). An append that succeeds
   * proves the fold was current, since the store checked the expected revision.
   */
  private async attempt<S, C, E extends { type: string; data: unknown }>(
    streamId: string,
    decider: Decider<S, C, E>,
    command: C | ((state: S) => C),
    envelope: CommandEnvelope,
  ): Promise<CommandOutcome<S>> {
    // fixed ids are looked for in the whole stream: never decided on a cached fold
    let trustCache = !envelope.eventIds;
    for (let attempt = 1; ;) {
      const cached = trustCache ? this.folds.get(streamId, decider.evolve) : undefined;
      trustCache = false;
      const loaded =
        (cached as LoadedStream<S> | undefined) ??
        (await this.load(streamId, decider, envelope.eventIds?.[0], envelope.keepFold !== false));
      // fixed ids already written: the command ran before, and deciding again could duplicate it
      if (loaded.holdsId) throw new ConcurrencyConflict();
      let events: E[];
      try {
        const concrete =
          typeof command === 'function' ? (command as (s: S) => C)(loaded.state) : command;
        events = decider.decide(concrete, loaded.state);
      } catch (error) {
        if (cached) continue;
        throw error;
      }
      if (events.length === 0) {
        if (cached) continue;
        return {
          state: loaded.state,
          revision: loaded.revision,
          position: loaded.lastPosition ?? null,
          eventIds: [],
          eventTypes: [],
        };
      }
      const toAppend = await this.withMetadata(streamId, events, loaded.lastHash, envelope);
      const expectedRevision: ExpectedRevision = loaded.revision;
      let result: AppendResult;
      try {
        result = await this.store.appendToStream(streamId, toAppend, { expectedRevision });
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
        if (cached) continue; // the fold was behind: read what was appended since, and decide again
        if (attempt >= MAX_ATTEMPTS || envelope.eventIds) throw new ConcurrencyConflict();
        attempt++;
        commandRetries.inc();
        continue;
      }
      // Fixed ids: a duplicate of this command (another process, the same Idempotency-Key) may
      // have appended the same ids at the same place first, and the store then answers its
      // result as this append's. Only the events this path stamped carry its hash.
      if (envelope.eventIds && !(await this.stored(streamId, result, toAppend)))
        throw new ConcurrencyConflict();
      this.head.appendedAt(result.position);
      const state = events.reduce(decider.evolve, loaded.state);
      const last = toAppend[toAppend.length - 1].metadata as unknown as EventMetadata;
      if (envelope.keepFold !== false)
        this.folds.set(streamId, decider.evolve, {
          state,
          revision: result.nextRevision,
          lastHash: last.hash,
          lastPosition: result.position,
          lastRecordedAt: last.recordedAt,
        });
      return {
        state,
        revision: result.nextRevision,
        position: result.position,
        eventIds: toAppend.map((e) => e.id),
        eventTypes: toAppend.map((e) => e.type),
      };
    }
  }

  /** Whether the stream's event at `result` is the last of `appended` (its hash), not a twin's. */
  private async stored(
    streamId: string,
    result: AppendResult,
    appended: EventToAppend[],
  ): Promise<boolean> {
    const read = this.store.readStream(streamId, {
      fromRevision: result.nextRevision,
      maxCount: 1,
    });
    for await (const event of read)
      return event.metadata.hash === appended[appended.length - 1].metadata.hash;
    return false;
  }

  /** The events as stored: personal information sealed, then stamped and chained over that. */
  private async withMetadata<E extends { type: string; data: unknown }>(
    streamId: string,
    events: E[],
    previousHash: string | undefined,
    envelope: CommandEnvelope,
  ): Promise<EventToAppend[]> {
    const recordedAt = this.clock.now().toISOString();
    const causationId = envelope.causationId ?? randomUUID();
    const sealer = this.personalData;
    const stored = sealer
      ? await Promise.all(events.map((e) => sealer.seal(streamId, e.type, e.data)))
      : events.map((e) => e.data);
    let chain = previousHash;
    return events.map((event, index) => {
      const business: BusinessMetadata = {
        actor: {
          id: envelope.principal.id,
          role: envelope.principal.role,
          ...(envelope.principal.agency ? { agency: envelope.principal.agency } : {}),
        },
        occurredAt:
          typeof envelope.occurredAt === 'function'
            ? envelope.occurredAt(event)
            : envelope.occurredAt,
        recordedAt,
        correlationId: envelope.correlationId,
        causationId,
      };
      const hash = chainHash({
        type: event.type,
        data: stored[index],
        metadata: business,
        previousHash: chain,
      });
      const metadata: EventMetadata = {
        ...business,
        hash,
        ...(chain ? { previousHash: chain } : {}),
      };
      chain = hash;
      return {
        id: envelope.eventIds?.[index] ?? this.ids.next(),
        type: event.type,
        data: stored[index],
        metadata: metadata as unknown as Record<string, unknown>,
      };
    });
  }
}
