import {
  birthDateFromIdNumber,
  checkRosterRow,
  isMinorOn,
  regionInScope,
  type ChildCategory,
  type Evidence,
  type InvalidRow,
  type RosterKind,
} from '@app/domain';
import type { ReadModelStore } from '@app/read-models';
import type { CandidateStore, StagedCandidate } from './candidates/candidate-store.port';
import type { RosterRecord } from '@app/runtime/monitoring/roster-reader';

/** At most this many bad rows are listed (all are counted): the answer stays small. */
export const MAX_LISTED_INVALID = 1000;

/** What an import's rows are matched under (the policy's reading of the kind comes in here). */
export type RosterMatchRules = {
  importId: string;
  kind: RosterKind;
  asOf: string;
  /** the business day of the import: cases open on it; ID numbers born after it are refused */
  today: string;
  /** the regions the roster covers: a row's village must lie in them */
  regions: readonly string[];
  /** the importer's regions: a matched case outside them is left alone */
  principalRegions: readonly string[];
  /** the category the kind implies, or null for risk evidence */
  implied: ChildCategory | null;
  ageOfMajority: number;
  /** ISO time of the import: when its candidates were last seen */
  at: string;
};

/** What the rows told so far: bounded by the matched cases and MAX_LISTED_INVALID, not the file. */
export type RosterTally = {
  rows: number;
  candidates: number;
  invalid: InvalidRow[];
  invalidCount: number;
  outside: number;
  adults: number;
  matched: Set<string>;
  evidence: Map<string, Evidence[]>;
};

export const emptyTally = (): RosterTally => ({
  rows: 0,
  candidates: 0,
  invalid: [],
  invalidCount: 0,
  outside: 0,
  adults: 0,
  matched: new Set(),
  evidence: new Map(),
});

/**
 * Matches a roster's rows a batch at a time: each row validated alone and hashed, then one query
 * for the cases of the batch's hashes and one transaction merging its rows with no open case
 * into the candidates. Two awaits per batch, none per row. A batch's merge runs while the next
 * batch is read and matched (one merge in flight at most: memory holds two batches); `finish`
 * waits for the last.
 */
export class RosterMatcher {
  private merging: Promise<number> | null = null;

  constructor(
    private readonly store: Pick<ReadModelStore, 'matchIdHashes'>,
    private readonly candidates: Pick<CandidateStore, 'merge'>,
    /** the keyed hash of an ID number (the reservations') */
    private readonly hashOf: (idNumber: string) => string,
    private readonly nextId: () => string,
  ) {}

  async matchBatch(
    batch: readonly RosterRecord[],
    rules: RosterMatchRules,
    tally: RosterTally,
  ): Promise<void> {
    const rows: StagedCandidate[] = [];
    for (const record of batch) {
      tally.rows += 1;
      const checked = record.fields
        ? checkRosterRow(record.fields, rules.today, rules.regions)
        : { fields: ['columns'] };
      if ('fields' in checked) {
        tally.invalidCount += 1;
        if (tally.invalid.length < MAX_LISTED_INVALID)
          tally.invalid.push({ line: record.line, fields: checked.fields });
        continue;
      }
      const { idNumber, name, regionCode } = checked.row;
      rows.push({ id: '', idHash: this.hashOf(idNumber), idNumber, name, regionCode });
    }
    if (rows.length === 0) return;
    const hashes = [...new Set(rows.map((r) => r.idHash))];
    const matches = await this.store.matchIdHashes(hashes, rules.today);
    const openCase = new Map(matches.filter((m) => m.open).map((m) => [m.idHash, m]));
    const staged: StagedCandidate[] = [];
    for (const row of rows) {
      const match = openCase.get(row.idHash);
      if (!match) {
        const birth = birthDateFromIdNumber(row.idNumber);
        if (!isMinorOn(birth, rules.asOf, rules.ageOfMajority)) tally.adults += 1;
        else staged.push({ ...row, id: this.nextId() });
        continue;
      }
      if (!regionInScope(rules.principalRegions, match.regionCode)) {
        tally.outside += 1;
        continue;
      }
      tally.matched.add(match.caseId);
      if (tally.evidence.has(match.caseId)) continue;
      const evidence = evidenceOf(rules, match.categories);
      if (evidence) tally.evidence.set(match.caseId, [evidence]);
    }
    const before = this.merging;
    const merging = this.candidates.merge(rules.importId, staged, {
      rosterKind: rules.kind,
      asOf: rules.asOf,
      at: rules.at,
    });
    // a failure is reported by the await below or by finish, never as unhandled
    merging.catch(() => undefined);
    this.merging = merging;
    if (before) tally.candidates += await before;
  }

  /** Waits for the last batch's merge; call it once the rows have ended (also after a failure). */
  async finish(tally: RosterTally): Promise<void> {
    const last = this.merging;
    this.merging = null;
    if (last) tally.candidates += await last;
  }
}

/** What a row tells an open case holding `categories`: a risk, a category it lacks, or nothing. */
function evidenceOf(
  rules: RosterMatchRules,
  categories: readonly ChildCategory[],
): Evidence | null {
  const { kind: rosterKind, asOf, importId, implied } = rules;
  if (implied === null)
    return { kind: 'RISK_EVIDENCE_FOUND', rosterKind, category: null, asOf, importId };
  if (categories.includes(implied)) return null;
  return { kind: 'CATEGORY_EVIDENCE_FOUND', rosterKind, category: implied, asOf, importId };
}
