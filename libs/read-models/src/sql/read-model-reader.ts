import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Selectable,
  type SqlBool,
} from 'kysely';
import type { BenefitCase } from '@app/domain';
import type {
  CaseListQuery,
  CaseloadCounts,
  CaseloadQuery,
  CaseRow,
  CaseWithProgrammes,
  Checkpoint,
  ProgrammeRow,
  RecordedFailure,
  RegionPrefixes,
  StandardRow,
} from '../read-model-store.port';
import type { ReadModelDb, ReadModelDialect } from './read-model-dialect';
import {
  chunks,
  READ_MODEL_TABLES,
  type ProgrammeTable,
  type ReadModelTables,
} from './read-model-tables';
import { Precompiled } from './precompiled';
import { toCaseRow, toProgrammeRow, toStandardRow } from './rows';

type Scope = ReadModelTables & {
  c: ReadModelTables['rm_case'];
  k: ReadModelTables['rm_case_category'];
};
type Eb = ExpressionBuilder<Scope, 'c' | 'k'>;

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

/** Cases, joined to their category rows when a category filter drives the page. */
function casesFrom(db: ReadModelDb, byCategory: boolean) {
  const joined = db
    .selectFrom('rm_case_category as k')
    .innerJoin('rm_case as c', 'c.case_id', 'k.case_id');
  // without a category `k` is not joined, and no filter names it
  return byCategory ? joined : (db.selectFrom('rm_case as c') as unknown as typeof joined);
}

/** Programmes of some cases, in (case, seq) order: the batch read, and `case(id)`'s one-case read. */
const programmesOfCases = (db: ReadModelDb, caseIds: readonly string[]) =>
  db
    .selectFrom('rm_programme')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('case_id')
    .orderBy('seq');

/** Every column of rm_programme, named: the JSON of a subquery's rows needs them spelled out. */
const PROGRAMME_COLUMNS = [
  'p.case_id',
  'p.seq',
  'p.programme',
  'p.from_date',
  'p.to_date',
  'p.fast_track',
  'p.amount_fen',
  'p.coverage_share',
  'p.one_off',
  'p.end_reason',
] as const;

const num = (value: unknown): number => Number(value ?? 0);

function group<T extends { case_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.case_id);
    if (list) list.push(row);
    else map.set(row.case_id, [row]);
  }
  return map;
}

/** The read side of both adapters: plain, portable SELECTs, written once for both engines. */
export class ReadModelReader {
  /** the reads behind every `case(id)`, compiled once */
  private readonly hot;

  constructor(
    private readonly db: ReadModelDb,
    private readonly dialect: ReadModelDialect,
  ) {
    this.hot = {
      caseById: new Precompiled(
        (id) => db.selectFrom('rm_case').selectAll().where('case_id', '=', id),
        ['\u0000case'],
      ),
      programmesOfOne: new Precompiled((id) => programmesOfCases(db, [id]), ['\u0000case']),
      // one statement: the case row with its programmes as a JSON array
      caseWithProgrammes: new Precompiled(
        (id) =>
          db
            .selectFrom('rm_case as c')
            .selectAll('c')
            .select((eb) =>
              dialect
                .jsonArrayFrom(
                  eb
                    .selectFrom('rm_programme as p')
                    .select(PROGRAMME_COLUMNS)
                    .whereRef('p.case_id', '=', 'c.case_id'),
                )
                .as('programmes'),
            )
            .where('c.case_id', '=', id),
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

  async findCaseWithProgrammes(caseId: string): Promise<CaseWithProgrammes | null> {
    const [found] = await this.hot.caseWithProgrammes.rows(this.db, caseId);
    if (!found) return null;
    const { programmes, ...row } = found;
    return {
      row: toCaseRow(row, this.dialect),
      programmes: this.dialect
        .json<Selectable<ProgrammeTable>[]>(programmes)
        .map(toProgrammeRow)
        .sort((a, b) => a.seq - b.seq),
    };
  }

  findCases(q: CaseListQuery): Promise<{ rows: CaseRow[]; totalCount: number }> {
    // with a category the category index drives (its region_code and case_id mirror the case's)
    const key = q.category ? 'k' : 'c';
    const region = `${key}.region_code` as const;
    const id = `${key}.case_id` as const;
    const filter = (eb: Eb): Expression<SqlBool> =>
      eb.and([
        regionPrefix(eb, region, q.regions),
        ...(q.category ? [eb('k.category', '=', q.category)] : []),
        ...(q.status ? [eb('c.status', '=', q.status)] : []),
        ...(q.riskLevel ? [eb('c.risk_level', '=', q.riskLevel)] : []),
        ...(q.caseworkerId ? [eb('c.caseworker_id', '=', q.caseworkerId)] : []),
      ]);
    const after = q.after;
    return this.dialect.snapshot(this.db, async (db) => {
      const cases = casesFrom(db, q.category !== undefined).where(filter);
      const rows = await cases
        .selectAll('c')
        .$if(after !== undefined, (qb) =>
          qb.where((eb) =>
            eb.or([
              eb(region, '>', after!.regionCode),
              eb.and([eb(region, '=', after!.regionCode), eb(id, '>', after!.caseId)]),
            ]),
          ),
        )
        .orderBy(region)
        .orderBy(id)
        .limit(q.limit)
        .execute();
      const total = await cases.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return { rows: rows.map((r) => toCaseRow(r, this.dialect)), totalCount: num(total.n) };
    });
  }

  async programmesOf(caseIds: readonly string[]): Promise<ProgrammeRow[]> {
    const distinct = new Set(caseIds);
    if (distinct.size === 1) {
      const rows = await this.hot.programmesOfOne.rows(this.db, caseIds[0]);
      return rows.map(toProgrammeRow);
    }
    const out: ProgrammeRow[] = [];
    for (const ids of chunks([...distinct].sort())) {
      const rows = await programmesOfCases(this.db, ids).execute();
      out.push(...rows.map(toProgrammeRow));
    }
    return out;
  }

  benefitCases(caseIds: readonly string[]): Promise<BenefitCase[]> {
    return this.dialect.snapshot(this.db, (db) =>
      this.benefitCasesOf(db, [...new Set(caseIds)].sort()),
    );
  }

  benefitCasesForMonth(regions: RegionPrefixes, month: string): Promise<BenefitCase[]> {
    return this.dialect.snapshot(this.db, async (db) => {
      const ids = await casesFrom(db, false)
        .select('c.case_id')
        .where((eb) =>
          eb.and([
            regionPrefix(eb, 'c.region_code', regions),
            eb.or([
              eb.exists(
                eb
                  .selectFrom('rm_programme as p')
                  .select(sql.lit(1).as('one'))
                  .whereRef('p.case_id', '=', 'c.case_id')
                  .where('p.from_date', '<=', `${month}-31`)
                  .where((p) =>
                    p.or([p('p.to_date', 'is', null), p('p.to_date', '>=', `${month}-01`)]),
                  ),
              ),
              eb.exists(
                eb
                  .selectFrom('rm_graduation_grant as g')
                  .select(sql.lit(1).as('one'))
                  .whereRef('g.case_id', '=', 'c.case_id')
                  .where('g.month', '=', month),
              ),
            ]),
          ]),
        )
        .orderBy('c.case_id')
        .execute();
      return this.benefitCasesOf(
        db,
        ids.map((r) => r.case_id),
      );
    });
  }

  async standards(): Promise<StandardRow[]> {
    const rows = await this.hot.standards.rows(this.db);
    return rows.map(toStandardRow);
  }

  caseload(q: CaseloadQuery): Promise<CaseloadCounts> {
    const open = (eb: Eb) =>
      eb.and([
        eb('c.is_open', '=', this.dialect.flagLiteral(true)),
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
        .where((eb) =>
          q.caseworkerId
            ? eb('k.case_id', 'in', casesFrom(db, false).select('c.case_id').where(open))
            : eb.and([
                eb('k.is_open', '=', this.dialect.flagLiteral(true)),
                regionPrefix(eb, 'k.region_code', q.regions),
              ]),
        )
        .groupBy('k.category')
        .execute();
      const sum = (f: (r: (typeof byRisk)[number]) => unknown) =>
        byRisk.reduce((total, r) => total + num(f(r)), 0);
      return {
        open: sum((r) => r.n),
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

  private async benefitCasesOf(db: ReadModelDb, ids: readonly string[]): Promise<BenefitCase[]> {
    const out: BenefitCase[] = [];
    for (const chunk of chunks(ids)) {
      const byCase = <T extends 'rm_programme' | 'rm_protection_period' | 'rm_graduation_grant'>(
        table: T,
      ) =>
        db
          .selectFrom(table as 'rm_programme')
          .selectAll()
          .where('case_id', 'in', chunk)
          .orderBy('case_id')
          .orderBy('seq')
          .execute() as unknown as Promise<ReadModelTables[T][]>;
      const cases = await db
        .selectFrom('rm_case')
        .select(['case_id', 'region_code', 'categories'])
        .where('case_id', 'in', chunk)
        .orderBy('case_id')
        .execute();
      const programmes = group(await byCase('rm_programme'));
      const periods = group(await byCase('rm_protection_period'));
      const grants = group(await byCase('rm_graduation_grant'));
      for (const c of cases)
        out.push({
          caseId: c.case_id,
          regionCode: c.region_code,
          categories: this.dialect.json<BenefitCase['categories']>(c.categories),
          protectionPeriods: (periods.get(c.case_id) ?? []).map((p) => ({
            from: p.from_date,
            to: p.to_date,
          })),
          programmes: (programmes.get(c.case_id) ?? []).map(toProgrammeRow),
          graduationGrants: (grants.get(c.case_id) ?? []).map((g) => ({
            graduatedOn: g.graduated_on,
            month: g.month,
            amountFen: g.amount_fen,
          })),
        });
    }
    return out;
  }
}
