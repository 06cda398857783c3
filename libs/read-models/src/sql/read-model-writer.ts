import type { Insertable, Transaction } from 'kysely';
import type { Position } from '@app/event-store';
import type {
  CaseRecord,
  CaseSnapshot,
  IdKeyChange,
  IssuedRollRecord,
  ReadModelTransaction,
  StandardRow,
} from '../read-model-store.port';
import { projectionsCheckpoint } from '../projector/checkpoints';
import type { ReadModelDialect } from './read-model-dialect';
import {
  CASE_TABLES,
  chunks,
  type ReadModelTable,
  type ReadModelTables,
} from './read-model-tables';
import { fromCaseRow, fromSignalRow, fromStandardRow, periodRows, rollRows } from './rows';

type Tx = Transaction<ReadModelTables>;

/**
 * The projector's writes through Kysely, in set-based statements (one DELETE per table and
 * multi-row INSERTs per batch), so a batch costs a few round trips to a server database.
 */
export class ReadModelWriter implements ReadModelTransaction {
  constructor(
    private readonly tx: Tx,
    private readonly dialect: ReadModelDialect,
  ) {}

  async lockedCheckpoint(): Promise<Position | null> {
    await this.dialect.writeLock(this.tx);
    const rows = await this.tx
      .selectFrom('rm_checkpoint')
      .select(['projection', 'position'])
      .execute();
    return projectionsCheckpoint(rows.map((r) => ({ ...r, events: 0 })));
  }

  async caseSnapshots(caseIds: readonly string[]): Promise<Map<string, CaseSnapshot>> {
    const found = new Map<string, CaseSnapshot>();
    for (const ids of chunks(caseIds)) {
      const rows = await this.tx
        .selectFrom('rm_case_state')
        .select(['case_id', 'state', 'revision', 'position'])
        .where('case_id', 'in', ids)
        .execute();
      for (const r of rows)
        found.set(r.case_id, {
          state: this.dialect.json<CaseSnapshot['state']>(r.state),
          revision: r.revision,
          position: r.position,
        });
    }
    return found;
  }

  async putCases(records: readonly CaseRecord[]): Promise<void> {
    if (records.length === 0) return;
    for (const ids of chunks(records.map((r) => r.summary.caseId)))
      for (const table of CASE_TABLES)
        await this.tx.deleteFrom(table).where('case_id', 'in', ids).execute();
    const d = this.dialect;
    await this.insert(
      'rm_case_state',
      records.map(({ snapshot, summary }) => ({
        case_id: summary.caseId,
        state: JSON.stringify(snapshot.state),
        revision: snapshot.revision,
        position: snapshot.position,
      })),
    );
    await this.insert(
      'rm_case',
      records.map((r) => fromCaseRow(r.summary)),
    );
    const periods = records.map((r) => periodRows(r, d));
    await this.insert(
      'rm_case_status',
      periods.flatMap((p) => p.statuses),
    );
    await this.insert(
      'rm_case_category',
      periods.flatMap((p) => p.categories),
    );
    await this.insert(
      'rm_case_region',
      periods.flatMap((p) => p.regions),
    );
    await this.insert(
      'rm_case_signal',
      records.flatMap((r) => r.signals.map(fromSignalRow)),
    );
  }

  /** In log order: a reservation taken names its case, a release frees it (if still that case's). */
  async putIdKeys(changes: readonly IdKeyChange[]): Promise<void> {
    for (const c of changes) {
      if (c.held)
        await this.tx
          .insertInto('rm_id_key')
          .values({ id_hash: c.idHash, case_id: c.caseId })
          .onConflict((oc) => oc.column('id_hash').doUpdateSet({ case_id: c.caseId }))
          .execute();
      else
        await this.tx
          .deleteFrom('rm_id_key')
          .where('id_hash', '=', c.idHash)
          .where('case_id', '=', c.caseId)
          .execute();
    }
  }

  async putStandards(rows: readonly StandardRow[]): Promise<void> {
    await this.insert('rm_standard', rows.map(fromStandardRow));
  }

  async putRolls(records: readonly IssuedRollRecord[]): Promise<void> {
    const rows = records.map(rollRows);
    await this.insert(
      'rm_roll',
      rows.map((r) => r.roll),
    );
    await this.insert(
      'rm_roll_line',
      rows.flatMap((r) => r.lines),
    );
  }

  async setCheckpoints(
    projections: readonly string[],
    position: Position,
    events: number,
  ): Promise<void> {
    if (projections.length === 0) return;
    await this.tx
      .insertInto('rm_checkpoint')
      .values(projections.map((projection) => ({ projection, position, events })))
      .onConflict((oc) =>
        oc.column('projection').doUpdateSet((eb) => ({
          position: eb.ref('excluded.position'),
          events: eb(eb.ref('rm_checkpoint.events'), '+', eb.ref('excluded.events')),
        })),
      )
      .execute();
    await this.dialect.checkpointMoved(this.tx, position);
  }

  /** Deletes every row of every table. */
  async reset(tables: readonly ReadModelTable[]): Promise<void> {
    await this.dialect.empty(this.tx, tables);
  }

  private async insert<T extends ReadModelTable>(
    table: T,
    rows: Insertable<ReadModelTables[T]>[],
  ): Promise<void> {
    // at most 17 columns a row: 200 rows stay well under both engines' parameter limits
    for (const chunk of chunks(rows, 200))
      await this.tx
        .insertInto(table)
        .values(chunk as never)
        .execute();
  }
}
