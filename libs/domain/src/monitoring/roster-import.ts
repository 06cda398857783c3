import type { Event } from '../shared/event';
import type { BusinessDate, DateTime } from '../shared/types';
import type { InvalidRow } from './roster-row';
import type { RosterKind } from './monitoring-policy';

/** What an import answers (CONTRACT.md), kept with its event so the same file answers the same. */
export type RosterImportResult = {
  importId: string;
  rows: number;
  matchedCases: number;
  candidates: number;
  signals: number;
  invalidRows: InvalidRow[];
};

/**
 * "An import is an event of its own (who, when, which kind, as of which date, how many rows, a
 * hash of the file)": one stream per file hash, so a file is imported once. Who and when are the
 * event's metadata (actor, recordedAt). No row of the file is in it.
 */
export type RosterImported = Event<
  'RosterImported',
  RosterImportResult & {
    kind: RosterKind;
    asOf: BusinessDate;
    complete: boolean;
    /** the region prefixes the import covered (the importer's, or the one asked for) */
    regions: string[];
    fileSha256: string;
    fileBytes: number;
    importedAt: DateTime;
    /** bad rows in all (at most the first 1,000 are listed) */
    invalidRowCount: number;
    /** rows of children whose open case lies outside the importer's regions (left alone) */
    casesOutsideRegions: number;
    /** rows of people 18 or older on the as-of date with no open case (no candidate) */
    adultRows: number;
  }
>;

export type RecordRosterImport = { type: 'RecordRosterImport'; data: RosterImported['data'] };

export type RosterImportState = { imported: RosterImported['data'] | null };

export const rosterImportDecider = {
  initialState: (): RosterImportState => ({ imported: null }),
  evolve: (state: RosterImportState, event: RosterImported): RosterImportState =>
    state.imported ? state : { imported: event.data },
  /** The first import of a file stands; recording it again writes nothing. */
  decide: (command: RecordRosterImport, state: RosterImportState): RosterImported[] =>
    state.imported ? [] : [{ type: 'RosterImported', data: command.data }],
};

export const rosterImportStream = (fileSha256: string): string => `roster-import-${fileSha256}`;
