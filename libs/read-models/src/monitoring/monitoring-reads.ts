import { sql, type SqlBool } from 'kysely';
import type { ChildCategory } from '@app/domain';
import type { IdMatch, RegionPrefixes, SignalListQuery, SignalRow } from '../read-model-store.port';
import type { ReadModelDb, ReadModelDialect } from '../sql/read-model-dialect';
import { chunks } from '../sql/read-model-tables';
import { toSignalRow } from '../sql/rows';
import { underPrefixes } from '../sql/region-ranges';

/** The case `caseRef` has an open status period in force on `day`. */
function openOn(caseRef: string, day: string, dialect: ReadModelDialect) {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM rm_case_status s WHERE s.case_id = ${sql.ref(caseRef)}
    AND s.is_open = ${dialect.flagLiteral(true)} AND s.from_date <= ${day}
    AND (s.to_date IS NULL OR s.to_date > ${day}))`;
}

const num = (value: unknown): number => Number(value ?? 0);

/** The monitoring reads (roster matching, the signal worklist), the same SQL for both engines. */
export class MonitoringReads {
  constructor(
    private readonly db: ReadModelDb,
    private readonly dialect: ReadModelDialect,
  ) {}

  /** One query per 500 hashes: the cases holding their reservations, open or not on `on`. */
  async matchIdHashes(idHashes: readonly string[], on: string): Promise<IdMatch[]> {
    const out: IdMatch[] = [];
    for (const hashes of chunks(idHashes)) {
      const rows = await this.db
        .selectFrom('rm_id_key as i')
        .innerJoin('rm_case as c', 'c.case_id', 'i.case_id')
        .select(['i.id_hash', 'c.case_id', 'c.region_code', 'c.categories'])
        .select(openOn('c.case_id', on, this.dialect).as('open'))
        .where('i.id_hash', 'in', hashes)
        .execute();
      for (const r of rows)
        out.push({
          idHash: r.id_hash,
          caseId: r.case_id,
          regionCode: r.region_code,
          categories: this.dialect.json<ChildCategory[]>(r.categories),
          open: Boolean(num(r.open)),
        });
    }
    return out;
  }

  async casesHolding(
    category: ChildCategory,
    regions: RegionPrefixes,
    on: string,
  ): Promise<{ caseId: string; idHash: string | null }[]> {
    const rows = await this.db
      .selectFrom('rm_case as c')
      .leftJoin('rm_id_key as i', 'i.case_id', 'c.case_id')
      .select(['c.case_id', 'i.id_hash'])
      .where(underPrefixes('c.region_code', regions))
      .where(openOn('c.case_id', on, this.dialect))
      .where(
        sql<SqlBool>`EXISTS (SELECT 1 FROM rm_case_category k WHERE k.case_id = c.case_id
          AND k.category = ${category} AND k.from_date <= ${on}
          AND (k.to_date IS NULL OR k.to_date > ${on}))`,
      )
      .orderBy('c.case_id')
      .execute();
    return rows.map((r) => ({ caseId: r.case_id, idHash: r.id_hash }));
  }

  async monitoringSignals(q: SignalListQuery): Promise<{ rows: SignalRow[]; totalCount: number }> {
    return this.dialect.snapshot(this.db, async (db) => {
      let base = db
        .selectFrom('rm_case_signal as g')
        .where(underPrefixes('g.region_code', q.regions));
      if (q.status) base = base.where('g.status', '=', q.status);
      const count = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
      let page = base.selectAll();
      if (q.after) page = page.where('g.signal_id', '>', q.after);
      const rows = await page.orderBy('g.signal_id').limit(q.limit).execute();
      return { rows: rows.map(toSignalRow), totalCount: num(count?.n) };
    });
  }

  async findSignal(signalId: string): Promise<SignalRow | null> {
    const row = await this.db
      .selectFrom('rm_case_signal')
      .selectAll()
      .where('signal_id', '=', signalId)
      .executeTakeFirst();
    return row ? toSignalRow(row) : null;
  }
}
