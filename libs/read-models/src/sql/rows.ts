import type { CaseRecord, CaseRow, ProgrammeRow, StandardRow } from '../read-model-store.port';
import type { ReadModelDialect } from './read-model-dialect';
import type { Insertable, Selectable } from 'kysely';
import type { CaseTable, ProgrammeTable, StandardTable } from './read-model-tables';

/** Row mappings between the port's types and the tables, the same for both engines. */
export function toCaseRow(r: Selectable<CaseTable>, dialect: ReadModelDialect): CaseRow {
  return {
    caseId: r.case_id,
    regionCode: r.region_code,
    status: r.status as CaseRow['status'],
    open: Boolean(r.is_open),
    riskLevel: r.risk_level as CaseRow['riskLevel'],
    caseworkerId: r.caseworker_id,
    birthDate: r.birth_date,
    eighteenthBirthday: r.eighteenth_birthday,
    nextVisitDue: r.next_visit_due,
    categories: dialect.json<CaseRow['categories']>(r.categories),
    childName: r.child_name,
    idNumber: r.id_number,
    guardian:
      r.guardian_kind === null
        ? null
        : {
            kind: r.guardian_kind as NonNullable<CaseRow['guardian']>['kind'],
            name: r.guardian_name ?? '',
            relation: r.guardian_relation,
          },
    revision: r.revision,
    position: r.position,
  };
}

export function fromCaseRow(c: CaseRow, dialect: ReadModelDialect): Insertable<CaseTable> {
  return {
    case_id: c.caseId,
    region_code: c.regionCode,
    status: c.status,
    is_open: dialect.flag(c.open),
    risk_level: c.riskLevel,
    caseworker_id: c.caseworkerId,
    birth_date: c.birthDate,
    eighteenth_birthday: c.eighteenthBirthday,
    next_visit_due: c.nextVisitDue,
    categories: JSON.stringify(c.categories),
    child_name: c.childName,
    id_number: c.idNumber,
    guardian_kind: c.guardian?.kind ?? null,
    guardian_name: c.guardian?.name ?? null,
    guardian_relation: c.guardian?.relation ?? null,
    revision: c.revision,
    position: c.position,
  };
}

export function toProgrammeRow(r: Selectable<ProgrammeTable>): ProgrammeRow {
  return {
    caseId: r.case_id,
    seq: r.seq,
    programme: r.programme as ProgrammeRow['programme'],
    from: r.from_date,
    to: r.to_date,
    fastTrack: Boolean(r.fast_track),
    amountFen: r.amount_fen,
    coverageSharePercent: r.coverage_share,
    oneOff: Boolean(r.one_off),
    endReason: r.end_reason,
  };
}

export function fromProgrammeRow(
  p: ProgrammeRow,
  dialect: ReadModelDialect,
): Insertable<ProgrammeTable> {
  return {
    case_id: p.caseId,
    seq: p.seq,
    programme: p.programme,
    from_date: p.from,
    to_date: p.to,
    fast_track: dialect.flag(p.fastTrack),
    amount_fen: p.amountFen,
    coverage_share: p.coverageSharePercent,
    one_off: dialect.flag(p.oneOff),
    end_reason: p.endReason,
  };
}

export function toStandardRow(r: Selectable<StandardTable>): StandardRow {
  return {
    streamId: r.stream_id,
    revision: r.revision,
    regionCode: r.region_code,
    category: r.category as StandardRow['category'],
    monthlyAmountFen: r.monthly_amount_fen,
    effectiveFrom: r.effective_from,
  };
}

export function fromStandardRow(s: StandardRow): Insertable<StandardTable> {
  return {
    stream_id: s.streamId,
    revision: s.revision,
    region_code: s.regionCode,
    category: s.category,
    monthly_amount_fen: s.monthlyAmountFen,
    effective_from: s.effectiveFrom,
  };
}

/** The category rows of a case: its region and openness copied, so category counts need no join. */
export function categoryRows({ summary }: CaseRecord, dialect: ReadModelDialect) {
  return [...new Set(summary.categories)].map((category) => ({
    case_id: summary.caseId,
    category,
    region_code: summary.regionCode,
    is_open: dialect.flag(summary.open),
  }));
}
