import type { CasePolicy, IssuedRoll, RollLine, StandardOverride } from '@app/domain';
import type { ReadModelStoreKind } from '@app/runtime/config/app-config';
import type { RollPage } from './roll-pages';

/** What the worker needs to open the read-model store itself. */
export interface RollWorkerData {
  readModelStore: ReadModelStoreKind;
  dataDir: string;
  databaseUrl?: string;
  /** the configured policy (CASE_POLICY): the worker's rolls as the API's would be */
  policy: CasePolicy;
}

/**
 * A roll of a region prefix, as of the projections' `version`: a page of its lines, a slice of
 * its CSV; or a forecast of months from `month` with hypothetical standards.
 */
export type RollRequest = {
  id: number;
  regionCode: string;
  month: string;
  /** the checkpoint the answer must reflect at least (a roll computed for another is not reused) */
  version: string;
} & (
  | { kind: 'page'; first: number; after?: string | null }
  | { kind: 'csv'; chunk: number }
  | { kind: 'file'; chunk: number }
  | { kind: 'forecast'; months: number; overrides: StandardOverride[] }
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
  /** the roll issued for the prefix (or one holding it), null while not issued */
  issued: IssuedRoll | null;
}

export type ForecastResult = {
  months: { month: string; count: number; totalFen: number }[];
  totalFen: number;
};

/** A line of the payment office's file: the roll's line with the child's name and ID number. */
export type PaymentFileLine = RollLine & { name: string; idNumber: string };

/** A slice of the payment office's file, in the roll's line order. */
export type PaymentFileSlice = { file: PaymentFileLine[]; done: boolean };

export type RollResult =
  | (RollSummary & ({ page: RollPage } | { csv: string; done: boolean } | PaymentFileSlice))
  | ForecastResult;

export type RollResponse =
  | { id: number; ok: true; result: RollResult }
  | { id: number; ok: false; error: { name: string; message: string } };
