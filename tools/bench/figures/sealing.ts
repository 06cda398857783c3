import { CommandBus } from '@nestjs/cqrs';
import jwt from 'jsonwebtoken';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { caseDecider, DEFAULT_POLICY } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { CaseCommandResult } from '../../../apps/api/src/cases/case-command.service';
import {
  ExecuteCaseCommand,
  IdentifyChildCommand,
} from '../../../apps/api/src/cases/commands/case.commands';
import { ReadConsistency } from '../../../apps/api/src/read-models/read-consistency';
import { PRESETS } from '../../seed/regions';
import { planRegion } from '../../seed/seed-plan';
import { BENCH_ENV, startInProcessApp } from '../support/bench-app';
import { perSecond, type LoopResult } from '../support/concurrent';
import { progress } from '../support/progress';
import { WRITE_CALLERS } from '../support/sample-events';
import type { Durations, Measured } from './measured';

const VISITS = 5;
const CASE_QUERY = `query($id: ID!) { case(id: $id) {
  id status regionCode categories riskLevel birthDate erased
  child { name idNumber idNumberMasked } guardian { kind name relation }
  caseworkerId nextVisitDue revision
  programmes { programme from to monthlyAmount coverageShare fastTrack } } }`;

type Mode = 'sealed' | 'plain';
type Figures = { identify: number; visits: number; caseMs: number; streamMs: number };

/**
 * The cost of sealing personal information (issue 23): the same work with sealing on and off
 * (`personalDataSealing: false`, the bench's own switch), each on a fresh embedded store. Writes:
 * identifyChild (name, ID number and guardian sealed, a data key made per case) and recordVisit
 * with notes (sealed under the case's key), 32 callers through the CommandBus. Reads: `case(id)`
 * over GraphQL (in process, `inject`), and a case's stream read and folded as a cold command,
 * caseHistory and caseAsOf do (every sealed event opened).
 */
export async function measureSealing(
  dir: (name: string) => string,
  asOf: string,
  { commandCases }: Durations,
): Promise<Measured> {
  const cases = Math.max(200, Math.round(commandCases / 2));
  // two rounds, the order alternating, each mode's best: the shared host drifts within a minute
  const rounds: Record<Mode, Figures>[] = [];
  for (const order of [['sealed', 'plain'] as const, ['plain', 'sealed'] as const]) {
    const round = {} as Record<Mode, Figures>;
    for (const mode of order)
      round[mode] = await run(dir(`${mode}-${rounds.length}`), mode === 'sealed', asOf, cases);
    rounds.push(round);
  }
  const best = (mode: Mode): Figures => ({
    identify: Math.max(...rounds.map((r) => r[mode].identify)),
    visits: Math.max(...rounds.map((r) => r[mode].visits)),
    caseMs: Math.min(...rounds.map((r) => r[mode].caseMs)),
    streamMs: Math.min(...rounds.map((r) => r[mode].streamMs)),
  });
  const results: Record<Mode, Figures> = { sealed: best('sealed'), plain: best('plain') };
  return {
    figures: {
      sealedIdentifyPerSec: results.sealed.identify,
      plainIdentifyPerSec: results.plain.identify,
      sealedVisitsPerSec: results.sealed.visits,
      plainVisitsPerSec: results.plain.visits,
      sealedCaseMs: results.sealed.caseMs,
      plainCaseMs: results.plain.caseMs,
      sealedStreamReadMs: results.sealed.streamMs,
      plainStreamReadMs: results.plain.streamMs,
    },
    notes: {
      sealingCases: `${cases} cases, ${VISITS} visits with notes each, per mode and round (best of 2 rounds)`,
    },
  };
}

/**
 * The writes with PROJECTIONS=external (the command path alone, as commandsPerSec), then the same
 * store opened again with its projector for the reads once it has caught up.
 */
async function run(dataDir: string, sealing: boolean, asOf: string, count: number) {
  const overrides = sealing ? {} : { personalDataSealing: false as const };
  const writer = await startInProcessApp(dataDir, { PROJECTIONS: 'external' }, overrides);
  let written: { identify: LoopResult; visits: LoopResult; caseIds: string[] };
  try {
    written = await write(writer, asOf, count);
  } finally {
    await writer.close();
  }
  const app = await startInProcessApp(dataDir, {}, overrides);
  try {
    const { caseIds } = written;
    await caughtUp(app.get(ReadConsistency));
    const caseMs = await meanCaseMs(app, caseIds);
    const streamMs = await meanStreamMs(app.get<EventStore>(EVENT_STORE), caseIds);
    progress('sealing', `${sealing ? 'sealed' : 'plain'}: ${caseIds.length} cases done`);
    return {
      identify: perSecond(written.identify),
      visits: perSecond(written.visits),
      caseMs,
      streamMs,
    };
  } finally {
    await app.close();
  }
}

async function write(app: NestFastifyApplication, asOf: string, count: number) {
  const bus = app.get(CommandBus);
  const plan = planRegion(PRESETS.zibo, {
    policy: DEFAULT_POLICY,
    seed: 11,
    asOf,
    children: count,
  });
  const ids: { caseId: string; actor: (typeof plan.children)[number]['identify']['actor'] }[] = [];
  let next = 0;
  const identify = await timed(async () => {
    await Promise.all(
      Array.from({ length: WRITE_CALLERS }, async () => {
        while (next < plan.children.length) {
          const { data, actor } = plan.children[next++].identify;
          const r = await bus.execute<IdentifyChildCommand, CaseCommandResult>(
            new IdentifyChildCommand(
              { ...data, sourceDetail: '邻居来电反映情况' },
              { principal: actor, correlationId: 'bench-identify' },
            ),
          );
          ids.push({ caseId: r.caseId, actor });
        }
      }),
    );
    return ids.length;
  });
  const visitedAt = `${asOf}T14:00:00+08:00`;
  const visits = await timed(async () => {
    await Promise.all(
      Array.from({ length: WRITE_CALLERS }, async (_, caller) => {
        for (let round = 0; round < VISITS; round++)
          for (let i = caller; i < ids.length; i += WRITE_CALLERS)
            await bus.execute(
              new ExecuteCaseCommand(
                {
                  type: 'RecordVisit',
                  caseId: ids[i].caseId,
                  data: { visitedAt, notes: `家访记录 ${round}: 儿童在家, 监护人在场` },
                },
                { principal: ids[i].actor, correlationId: 'bench-visit' },
              ),
            );
      }),
    );
    return VISITS * ids.length;
  });
  return { identify, visits, caseIds: ids.map((c) => c.caseId) };
}

/** The projector of a freshly opened store replays the whole log first: wait as long as it takes. */
async function caughtUp(consistency: ReadConsistency): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await consistency.ensureCaughtUp();
    } catch (error) {
      if (attempt >= 60) throw error;
    }
  }
}

async function timed(work: () => Promise<number>): Promise<LoopResult> {
  const started = performance.now();
  const ops = await work();
  return { ops, ms: performance.now() - started };
}

/** `case(id)` one request at a time over every case, twice (the first round a warm-up). */
async function meanCaseMs(app: NestFastifyApplication, caseIds: string[]): Promise<number> {
  const token = jwt.sign(
    { sub: 'bench-admin', role: 'ADMIN', regions: ['*'] },
    BENCH_ENV.AUTH_JWT_SECRET,
    { algorithm: 'HS256', expiresIn: 3600 },
  );
  const fastify = app.getHttpAdapter().getInstance();
  let ms = 0;
  for (const round of [0, 1])
    for (const id of caseIds) {
      const started = performance.now();
      const response = await fastify.inject({
        method: 'POST',
        url: '/graphql',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ query: CASE_QUERY, variables: { id } }),
      });
      if (round === 1) ms += performance.now() - started;
      if (response.statusCode !== 200 || response.json().errors)
        throw new Error(`case(id): ${response.body.slice(0, 200)}`);
    }
  return ms / caseIds.length;
}

/** Each case's stream read (every sealed event opened) and folded, one at a time. */
async function meanStreamMs(store: EventStore, caseIds: string[]): Promise<number> {
  let ms = 0;
  for (const round of [0, 1])
    for (const id of caseIds) {
      const started = performance.now();
      const decider = caseDecider(DEFAULT_POLICY);
      let state = decider.initialState();
      for await (const e of store.readStream(`case-${id}`))
        state = decider.evolve(state, e as never);
      if (state.status === 'NONE') throw new Error('no case');
      if (round === 1) ms += performance.now() - started;
    }
  return ms / caseIds.length;
}
