import type { ReadModelStoreKind } from '../../config/app-config';
import type { RollPage } from './roll-pages';

/** What the worker needs to open the read-model store itself. */
export interface RollWorkerData {
  readModelStore: ReadModelStoreKind;
  dataDir: string;
  databaseUrl?: string;
}

/** A roll, as of the projections' `version`: a page of its lines, or a slice of its CSV. */
export type RollRequest = {
  id: number;
  regions: string[] | null;
  month: string;
  /** the checkpoint the answer must reflect at least (a roll computed for another is not reused) */
  version: string;
} & (
  | { kind: 'page'; first: number; after?: string | null }
  | { kind: 'csv'; chunk: number; regionCode: string }
);

/** A request before the client numbers it. */
export type RollAsk = RollRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'id'>
    : never
  : never;

export interface RollSummary {
  count: number;
  totalFen: number;
  children: number;
}

export type RollResult = RollSummary & ({ page: RollPage } | { csv: string; done: boolean });

export type RollResponse =
  | { id: number; ok: true; result: RollResult }
  | { id: number; ok: false; error: { name: string; message: string } };
