import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Selectable,
  type SqlBool,
} from 'kysely';
import {
  NO_VISIT_DUE,
  type CaseListQuery,
  type CaseOrder,
  type CaseloadCounts,
  type CaseloadQuery,
  type CaseRow,
  type CaseSnapshot,
  type Checkpoint,
  type IssuedLineRow,
  type IssuedRollRow,
  type KnownAt,
  type PayingCasesQuery,
  type RecordedFailure,
  type RegionPrefixes,
  type StandardRow,
} from '../read-model-store.port';
import type { ReadModelDb, ReadModelDialect } from './read-model-dialect';
import {
  chunks,
  READ_MODEL_TABLES,
  type CaseStateTable,
  type ReadModelTables,
} from './read-model-tables';
import { Precompiled } from './precompiled';
import { underPrefixes } from './region-ranges';
import { MonitoringReads } from '../monitoring/monitoring-reads';
import { toCaseRow, toIssuedLineRow, toIssuedRollRow, toStandardRow } from './rows';

type Scope = ReadModelTables & {
  c: ReadModelTables['rm_case'];
  k: ReadModelTables['rm_case_category'];
  s: ReadModelTables['rm_case_status'];
  r: ReadModelTables['rm_case_region'];
};
type Eb = ExpressionBuilder<Scope, 'c' | 'k'>;

/** A dated row in force on `day`: from_date <= day < to_date (to_date null: on and on). */
function inForceOn(alias: 'k' | 's' | 'r', day: string): Expression<SqlBool> {
  const from = sql.ref(`${alias}.from_date`);
  const to = sql.ref(`${alias}.to_date`);
  return sql<SqlBool>`(${from} <= ${day} AND (${to} IS NULL OR ${to} > ${day}))`;
}

/**
 * `(col >= p AND col < p || ':')` for each prefix: ':' follows '9', so the range is the prefix
 * and a btree index on the column serves it. PostgreSQL declares these columns COLLATE "C", so
 * the range is byte order there too, whatever the database's collation.
 */
function regionPrefix<TB extends 'c' | 'k'>(
  eb: ExpressionBuilder<Scope, TB>,
  column: `${TB}.region_code`,
  regions: RegionPrefixes,
): Expression<SqlBool> {
  if (regions === null) return eb.and([]);
  const ref = sql.ref<string>(column);
  return eb.or(regions.map((p) => eb.and([eb(ref, '>=', p), eb(ref, '<', `${p}:`)])));
}

/** The case's status period in force on `day` satisfies `condition`. */
function statusOn(eb: Eb, day: string, condition: Expression<SqlBool>): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('rm_case_status as s')
      .select(sql.lit(1).as('one'))
      .whereRef('s.case_id', '=', 'c.case_id')
      .where((w) => w.and([inForceOn('s', day), condition])),
  );
}

/** Cases, joined to their category rows when a category filter drives the page. */
function casesFrom(db: ReadModelDb, byCategory: boolean) {
  const joined = db
    .selectFrom('rm_case_category as k')
    .innerJoin('rm_case as c', 'c.case_id', 'k.case_id');
  // without a category `k` is not joined, and no filter names it
  return byCategory ? joined : (db.selectFrom('rm_case as c') as unknown as typeof joined);
}

const num = (value: unknown): number => Number(value ?? 0);

/** What a case list is sorted by, as `caseSortValue` says (then by case id). */
function sortColumn(order: CaseOrder | null, region: 'c.region_code' | 'k.region_code') {
  switch (order) {
    case null:
      return sql.ref<string>(region);
    case 'NEXT_VISIT_DUE':
      return sql<string>`COALESCE(c.next_visit_due, ${sql.lit(NO_VISIT_DUE)})`;
    case 'IDENTIFIED_AT':
      return sql.ref<string>('c.identified_at');
    case 'BIRTH_DATE':
      return sql.ref<string>('c.birth_date');
  }
}

const STATE_COLUMNS = ['case_id', 'state', 'revision', 'position'] as const;

/** The read side of both adapters: plain, portable SELECTs, written once for both engines. */
export class ReadModelReader {
  /** the reads behind every `case(id)`, compiled once */
  private readonly hot;
  /** roster matching and the signal worklist */
  readonly monitoring: MonitoringReads;

  constructor(
    private readonly db: ReadModelDb,
    private readonly dialect: ReadModelDialect,
  ) {
    this.monitoring = new MonitoringReads(db, dialect);
    this.hot = {
      caseById: new Precompiled(
        (id) => db.selectFrom('rm_case').selectAll().where('case_id', '=', id),
        ['\u0000case'],
      ),
      caseState: new Precompiled(
        (id) => db.selectFrom('rm_case_state').select(STATE_COLUMNS).where('case_id', '=', id),
        ['\u0000case'],
      ),
      standards: new Precompiled(
        () => db.selectFrom('rm_standard').selectAll().orderBy('stream_id').orderBy('revision'),
        [],
      ),
    };
  }

  async recordedFailure(): Promise<RecordedFailure | null> {
    const row = await this.db
      .selectFrom('rm_projector_failure')
      .select('failure')
      .where('id', '=', 1)
      .executeTakeFirst();
    return row ? (JSON.parse(row.failure) as RecordedFailure) : null;
  }

  async checkpoints(): Promise<Checkpoint[]> {
    const rows = await this.db
      .selectFrom('rm_checkpoint')
      .select(['projection', 'position', 'events'])
      .orderBy('projection')
      .execute();
    return rows.map((r) => ({
      projection: r.projection,
      position: r.position,
      events: num(r.events),
    }));
  }

  async findCase(caseId: string): Promise<CaseRow | null> {
    const [row] = await this.hot.caseById.rows(this.db, caseId);
    return row ? toCaseRow(row, this.dialect) : null;
  }

  async findCaseState(caseId: string): Promise<CaseSnapshot | null> {
    const [row] = await this.hot.caseState.rows(this.db, caseId);
    return row ? this.snapshotOf(row) : null;
  }

  async caseStates(caseIds: readonly string[]): Promise<CaseSnapshot[]> {
    const out: CaseSnapshot[] = [];
    for (const ids of chunks([...new Set(caseIds)].sort())) {
      const rows = await this.db
        .selectFrom('rm_case_state')
        .select(STATE_COLUMNS)
        .where('case_id', 'in', ids)
        .orderBy('case_id')
        .execute();
      out.push(...rows.map((r) => this.snapshotOf(r)));
    }
    return out;
  }

  findCases(q: CaseListQuery): Promise<{ rows: CaseRow[]; totalCount: number }> {
    // with a category the category index drives (its region_code and case_id mirror the case's)
    const key = q.category ? 'k' : 'c';
    const region = `${key}.region_code` as const;
    const id = `${key}.case_id` as const;
    const sortBy = sortColumn(q.orderBy ?? null, region);
    const open = (eb: Eb, day: string) =>
      statusOn(eb, day, sql<SqlBool>`s.is_open = ${this.dialect.flagLiteral(true)}`);
    const from18 = q.turning18From ?? q.on;
    const filter = (eb: Eb): Expression<SqlBool> =>
      eb.and([
        regionPrefix(eb, region, q.regions),
        ...(q.category ? [eb('k.category', '=', q.category), inForceOn('k', q.on)] : []),
        ...(q.status ? [statusOn(eb, q.on, sql<SqlBool>`s.status = ${q.status}`)] : []),
        ...(q.riskLevel ? [eb('c.risk_level', '=', q.riskLevel)] : []),
        ...(q.caseworkerId ? [eb('c.caseworker_id', '=', q.caseworkerId)] : []),
        // the caseload's overdueVisits and turning18Within90Days, as lists
        ...(q.overdueAsOf
          ? [eb('c.next_visit_due', '<', q.overdueAsOf), open(eb, q.overdueAsOf)]
          : []),
        ...(q.turning18By
          ? [
              eb('c.eighteenth_birthday', '>=', from18),
              eb('c.eighteenth_birthday', '<=', q.turning18By),
              open(eb, from18),
            ]
          : []),
      ]);
    const after = q.after;
    return this.dialect.snapshot(this.db, async (db) => {
      const cases = casesFrom(db, q.category !== undefined).where(filter);
      const rows = await cases
        .selectAll('c')
        .$if(after !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb(sortBy, '>', after!.value),
              eb.and([eb(sortBy, '=', after!.value), eb(id, '>', after!.caseId)]),
            ]),
          ),
        )
        .orderBy(sortBy)
        .orderBy(id)
        .limit(q.limit)
        .execute();
      const total = await cases.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return { rows: rows.map((r) => toCaseRow(r, this.dialect)), totalCount: num(total.n) };
    });
  }

  /** Cases in the prefixes some day of [from, to] that may be owed money, with their folds. */
  payingCases(q: PayingCasesQuery): Promise<CaseSnapshot[]> {
    return this.dialect.snapshot(this.db, async (db) => {
      const rows = await db
        .selectFrom('rm_case_state as st')
        .select(['st.case_id', 'st.state', 'st.revision', 'st.position'])
        .where('st.case_id', 'in', (eb) =>
          eb
            .selectFrom('rm_case_region as r')
            .select('r.case_id')
            .where((w) =>
              w.and([
                w('r.pays', '=', this.dialect.flagLiteral(true)),
                underPrefixes('r.region_code', q.regions),
                w('r.from_date', '<=', q.to),
                w.or([
                  w('r.to_date', 'is', null),
                  w.and([w('r.to_date', '>', q.from), w('r.to_date', '>', w.ref('r.from_date'))]),
                ]),
              ]),
            ),
        )
        .orderBy('st.case_id')
        .execute();
      return rows.map((r) => this.snapshotOf(r));
    });
  }

  async issuedRolls(query: KnownAt = {}): Promise<IssuedRollRow[]> {
    const rows = await this.db
      .selectFrom('rm_roll')
      .selectAll()
      .$if(query.knownAt !== undefined, (qb) => qb.where('issued_at', '<=', query.knownAt!))
      .orderBy('month')
      .orderBy('region_code')
      .execute();
    return rows.map(toIssuedRollRow);
  }

  async issuedLines(
    query: { month: string; regions: RegionPrefixes } & KnownAt,
  ): Promise<IssuedLineRow[]> {
    const rows = await this.db
      .selectFrom('rm_roll_line')
      .selectAll()
      .where('month', '=', query.month)
      .where(underPrefixes('region_code', query.regions))
      .$if(query.knownAt !== undefined, (qb) => qb.where('issued_at', '<=', query.knownAt!))
      .orderBy('case_id')
      .orderBy('roll_region_code')
      .orderBy('seq')
      .execute();
    return rows.map(toIssuedLineRow);
  }

  async paidLines(caseIds: readonly string[], query: KnownAt = {}): Promise<IssuedLineRow[]> {
    const out: IssuedLineRow[] = [];
    for (const ids of chunks([...new Set(caseIds)].sort())) {
      const rows = await this.db
        .selectFrom('rm_roll_line')
        .selectAll()
        .where('case_id', 'in', ids)
        .$if(query.knownAt !== undefined, (qb) => qb.where('issued_at', '<=', query.knownAt!))
        .orderBy('case_id')
        .orderBy('month')
        .orderBy('seq')
        .execute();
      out.push(...rows.map(toIssuedLineRow));
    }
    return out;
  }

  async standards(): Promise<StandardRow[]> {
    const rows = await this.hot.standards.rows(this.db);
    return rows.map(toStandardRow);
  }

  caseload(q: CaseloadQuery): Promise<CaseloadCounts> {
    const openOn = (eb: ExpressionBuilder<Scope, 'c' | 'k'>, caseId: 'c.case_id' | 'k.case_id') =>
      eb.exists(
        eb
          .selectFrom('rm_case_status as s')
          .select(sql.lit(1).as('one'))
          .whereRef('s.case_id', '=', caseId)
          .where((w) =>
            w.and([w('s.is_open', '=', this.dialect.flagLiteral(true)), inForceOn('s', q.asOf)]),
          ),
      );
    const open = (eb: Eb) =>
      eb.and([
        openOn(eb, 'c.case_id'),
        regionPrefix(eb, 'c.region_code', q.regions),
        ...(q.caseworkerId ? [eb('c.caseworker_id', '=', q.caseworkerId)] : []),
      ]);
    const one = sql.lit(1);
    const zero = sql.lit(0);
    return this.dialect.snapshot(this.db, async (db) => {
      const byRisk = await casesFrom(db, false)
        .where(open)
        .select((eb) => [
          'c.risk_level as k',
          eb.fn.countAll().as('n'),
          eb.fn
            .sum(
              eb.case().when('c.next_visit_due', '<', q.overdueBefore).then(one).else(zero).end(),
            )
            .as('overdue'),
          eb.fn
            .sum(
              eb
                .case()
                .when(
                  eb.and([
                    eb('c.eighteenth_birthday', '>=', q.turning18From),
                    eb('c.eighteenth_birthday', '<=', q.turning18To),
                  ]),
                )
                .then(one)
                .else(zero)
                .end(),
            )
            .as('turning18'),
        ])
        .groupBy('c.risk_level')
        .execute();
      // without a caseworker the category rows answer alone (their region_code and is_open
      // mirror the case's); with one, the caseworker index picks the cases first
      const byCategory = await db
        .selectFrom('rm_case_category as k')
        .select((eb) => ['k.category as k', eb.fn.countAll().as('n')])
        .where(inForceOn('k', q.asOf))
        .where((eb) =>
          q.caseworkerId
            ? eb('k.case_id', 'in', casesFrom(db, false).select('c.case_id').where(open))
            : eb.and([openOn(eb, 'k.case_id'), regionPrefix(eb, 'k.region_code', q.regions)]),
        )
        .groupBy('k.category')
        .execute();
      const signals = await db
        .selectFrom('rm_case_signal as g')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('g.status', '=', 'OPEN')
        .where('g.case_id', 'in', casesFrom(db, false).select('c.case_id').where(open))
        .executeTakeFirst();
      const sum = (f: (r: (typeof byRisk)[number]) => unknown) =>
        byRisk.reduce((total, r) => total + num(f(r)), 0);
      return {
        open: sum((r) => r.n),
        openSignals: num(signals?.n),
        unassessed: sum((r) => (r.k === null ? r.n : 0)),
        overdueVisits: sum((r) => r.overdue),
        turning18: sum((r) => r.turning18),
        byRisk: Object.fromEntries(byRisk.filter((r) => r.k !== null).map((r) => [r.k, num(r.n)])),
        byCategory: Object.fromEntries(byCategory.map((r) => [r.k, num(r.n)])),
      };
    });
  }

  dump(): Promise<Record<string, unknown[]>> {
    return this.dialect.snapshot(this.db, async (db) => {
      const out: Record<string, unknown[]> = {};
      for (const { table, key } of READ_MODEL_TABLES) {
        let query = db.selectFrom(table).selectAll();
        for (const column of key) query = query.orderBy(sql.ref(column));
        out[table] = await query.execute();
      }
      return out;
    });
  }

  private snapshotOf(
    r: Pick<Selectable<CaseStateTable>, 'state' | 'revision' | 'position'>,
  ): CaseSnapshot {
    return {
      state: this.dialect.json<CaseSnapshot['state']>(r.state),
      revision: r.revision,
      position: r.position,
    };
  }
}
