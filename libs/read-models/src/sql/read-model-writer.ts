import type { Insertable, Transaction } from 'kysely';
import type { Position } from '@app/event-store';
import type {
  CaseRecord,
  CaseSnapshot,
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
import { categoryRows, fromCaseRow, fromProgrammeRow, fromStandardRow } from './rows';

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
      records.map((r) => fromCaseRow(r.summary, d)),
    );
    await this.insert(
      'rm_case_category',
      records.flatMap((r) => categoryRows(r, d)),
    );
    await this.insert(
      'rm_programme',
      records.flatMap((r) => r.programmes.map((p) => fromProgrammeRow(p, d))),
    );
    await this.insert(
      'rm_protection_period',
      records.flatMap((r) =>
        r.periods.map((p) => ({ case_id: p.caseId, seq: p.seq, from_date: p.from, to_date: p.to })),
      ),
    );
    await this.insert(
      'rm_graduation_grant',
      records.flatMap((r) =>
        r.grants.map((g) => ({
          case_id: g.caseId,
          seq: g.seq,
          graduated_on: g.graduatedOn,
          month: g.month,
          amount_fen: g.amountFen,
        })),
      ),
    );
  }

  async putStandards(rows: readonly StandardRow[]): Promise<void> {
    await this.insert('rm_standard', rows.map(fromStandardRow));
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
