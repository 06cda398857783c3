import { parentPort, workerData } from 'node:worker_threads';
import { standardLookupFrom, withOverrides, type RollLine } from '@app/domain';
import { PaymentRolls, type RollAnswer } from '@app/read-models';
import { createReadModelStore } from '@app/runtime/projections/read-model-store.factory';
import { paymentRollCsv } from '../payment-roll.csv';
import { keyedLines, rollPage } from './roll-pages';
import type {
  PaymentFileLine,
  RollRequest,
  RollResponse,
  RollResult,
  RollWorkerData,
} from './roll-worker-protocol';

/** Lines per CSV slice: a slice is one message and one write to the socket. */
export const CSV_CHUNK_LINES = 2000;
/** Rolls kept between requests (a month's pages and its CSV read the same computation). */
const KEPT = 4;

type Computed = { roll: RollAnswer; keyed: ReturnType<typeof keyedLines> };

/**
 * The payment roll and the forecast off the API's event loop: this worker thread opens its own
 * connection to the read-model store and runs PaymentRolls (the same computation the API would:
 * issued rolls frozen, the rest from the timeline), keeps the last few rolls by region, month and
 * projection checkpoint, and answers pages of lines and slices of the CSV from them. Requests are
 * answered one at a time, in order.
 */
const data = workerData as RollWorkerData;
const store = createReadModelStore(data);
const rolls = new PaymentRolls(store, null, data.policy);
const kept = new Map<string, Computed>();

async function rollOf(request: RollRequest): Promise<Computed> {
  const key = JSON.stringify([request.regionCode, request.month, request.version]);
  const known = kept.get(key);
  if (known) {
    kept.delete(key);
    kept.set(key, known); // most recently used last
    return known;
  }
  const roll = await rolls.roll(request.regionCode, request.month);
  const computed = { roll, keyed: keyedLines(roll.lines) };
  kept.set(key, computed);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  return computed;
}

async function answer(request: RollRequest): Promise<RollResult> {
  if (request.kind === 'forecast') {
    const standards = withOverrides(standardLookupFrom(await store.standards()), request.overrides);
    const { months, totalFen } = await rolls.forecast(
      request.regionCode,
      request.month,
      request.months,
      standards,
    );
    return { months, totalFen };
  }
  const { roll, keyed } = await rollOf(request);
  const { issued } = roll;
  const summary = {
    count: roll.lines.length,
    totalFen: roll.totalFen,
    children: roll.children,
    issued: issued && {
      regionCode: issued.regionCode,
      month: issued.month,
      issuedAt: issued.issuedAt,
    },
  };
  if (request.kind === 'page')
    return { ...summary, page: rollPage(keyed, request.first, request.after) };
  const from = request.chunk * CSV_CHUNK_LINES;
  const slice = roll.lines.slice(from, from + CSV_CHUNK_LINES);
  const done = from + CSV_CHUNK_LINES >= roll.lines.length;
  if (request.kind === 'file') return { ...summary, file: await withChildren(slice), done };
  const csv =
    (request.chunk === 0 ? paymentRollCsv.head() : '') +
    paymentRollCsv.lines(slice) +
    (done
      ? paymentRollCsv.total({ ...summary, regionCode: request.regionCode, month: request.month })
      : '');
  return { ...summary, csv, done };
}

/** The lines with the child's name and ID number as the case holds them now. */
async function withChildren(lines: readonly RollLine[]): Promise<PaymentFileLine[]> {
  const states = await store.caseStates(lines.map((l) => l.caseId));
  const children = new Map(states.map((s) => [s.state.id, s.state.child]));
  return lines.map((line) => {
    const child = children.get(line.caseId);
    // a line's case is in the read model it was computed from
    if (!child) throw new Error('a paid case is missing from the read model');
    // an erased case (erasePersonalInformation) has no name or number left: its lines say so by blanks
    return { ...line, name: child.name ?? '', idNumber: child.idNumber ?? '' };
  });
}

let queue = Promise.resolve();
parentPort!.on('message', (request: RollRequest) => {
  queue = queue.then(async () => {
    let response: RollResponse;
    try {
      response = { id: request.id, ok: true, result: await answer(request) };
    } catch (error) {
      const { name, message } = error as Error;
      response = { id: request.id, ok: false, error: { name, message } };
    }
    parentPort!.postMessage(response);
  });
});
