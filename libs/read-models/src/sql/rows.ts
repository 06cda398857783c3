import type {
  CaseRecord,
  CaseRow,
  IssuedLineRow,
  IssuedRollRecord,
  IssuedRollRow,
  SignalRow,
  StandardRow,
} from '../read-model-store.port';
import type { ReadModelDialect } from './read-model-dialect';
import type { Insertable, Selectable } from 'kysely';
import type {
  CaseCategoryTable,
  CaseRegionTable,
  CaseSignalTable,
  CaseStatusTable,
  CaseTable,
  RollLineTable,
  RollTable,
  StandardTable,
} from './read-model-tables';

/** Row mappings between the port's types and the tables, the same for both engines. */
export function toCaseRow(r: Selectable<CaseTable>, dialect: ReadModelDialect): CaseRow {
  return {
    caseId: r.case_id,
    regionCode: r.region_code,
    riskLevel: r.risk_level as CaseRow['riskLevel'],
    caseworkerId: r.caseworker_id,
    birthDate: r.birth_date,
    eighteenthBirthday: r.eighteenth_birthday,
    nextVisitDue: r.next_visit_due,
    identifiedAt: r.identified_at,
    categories: dialect.json<CaseRow['categories']>(r.categories),
    childName: r.child_name,
    idNumber: r.id_number,
    guardian:
      r.guardian_kind === null
        ? null
        : {
            kind: r.guardian_kind as NonNullable<CaseRow['guardian']>['kind'],
            name: r.guardian_name,
            relation: r.guardian_relation,
          },
    revision: r.revision,
    position: r.position,
  };
}

export function fromCaseRow(c: CaseRow): Insertable<CaseTable> {
  return {
    case_id: c.caseId,
    region_code: c.regionCode,
    risk_level: c.riskLevel,
    caseworker_id: c.caseworkerId,
    birth_date: c.birthDate,
    eighteenth_birthday: c.eighteenthBirthday,
    next_visit_due: c.nextVisitDue,
    identified_at: c.identifiedAt,
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

/** The dated rows of a case, ready to insert (the same for both engines). */
export function periodRows(record: CaseRecord, dialect: ReadModelDialect) {
  const caseId = record.summary.caseId;
  const statuses: Insertable<CaseStatusTable>[] = record.statuses.map((p) => ({
    case_id: caseId,
    seq: p.seq,
    from_date: p.from,
    to_date: p.to,
    status: p.status,
    is_open: dialect.flag(p.open),
  }));
  // the category rows carry the case's village, so a prefix and a category need no join
  const categories: Insertable<CaseCategoryTable>[] = record.categories.flatMap((p) =>
    [...new Set(p.categories)].map((category) => ({
      case_id: caseId,
      seq: p.seq,
      category,
      from_date: p.from,
      to_date: p.to,
      region_code: record.summary.regionCode,
    })),
  );
  const regions: Insertable<CaseRegionTable>[] = record.regions.map((p) => ({
    case_id: caseId,
    seq: p.seq,
    region_code: p.regionCode,
    from_date: p.from,
    to_date: p.to,
    pays: dialect.flag(p.pays),
  }));
  return { statuses, categories, regions };
}

/** An issued roll's rows, ready to insert. */
export function rollRows({ roll, lines }: IssuedRollRecord) {
  const row: Insertable<RollTable> = {
    month: roll.month,
    region_code: roll.regionCode,
    issued_at: roll.issuedAt,
    total_fen: roll.totalFen,
    line_count: roll.lineCount,
  };
  const lineRows: Insertable<RollLineTable>[] = lines.map((l) => ({
    month: l.month,
    roll_region_code: l.rollRegionCode,
    seq: l.seq,
    case_id: l.caseId,
    region_code: l.regionCode,
    programme: l.programme,
    reason: l.reason,
    for_month: l.forMonth,
    amount_fen: l.amountFen,
    issued_at: l.issuedAt,
  }));
  return { roll: row, lines: lineRows };
}

export function toIssuedRollRow(r: Selectable<RollTable>): IssuedRollRow {
  return {
    month: r.month,
    regionCode: r.region_code,
    issuedAt: r.issued_at,
    totalFen: Number(r.total_fen),
    lineCount: r.line_count,
  };
}

export function toIssuedLineRow(r: Selectable<RollLineTable>): IssuedLineRow {
  return {
    month: r.month,
    rollRegionCode: r.roll_region_code,
    seq: r.seq,
    caseId: r.case_id,
    regionCode: r.region_code,
    programme: r.programme as IssuedLineRow['programme'],
    reason: r.reason as IssuedLineRow['reason'],
    forMonth: r.for_month,
    amountFen: Number(r.amount_fen),
    issuedAt: r.issued_at,
  };
}

export function fromSignalRow(s: SignalRow): Insertable<CaseSignalTable> {
  return {
    signal_id: s.signalId,
    case_id: s.caseId,
    region_code: s.regionCode,
    kind: s.kind,
    roster_kind: s.rosterKind,
    category: s.category,
    as_of: s.asOf,
    status: s.status,
    raised_at: s.raisedAt,
    resolved_at: s.resolvedAt,
    resolution: s.resolution,
  };
}

export function toSignalRow(r: Selectable<CaseSignalTable>): SignalRow {
  return {
    signalId: r.signal_id,
    caseId: r.case_id,
    regionCode: r.region_code,
    kind: r.kind as SignalRow['kind'],
    rosterKind: r.roster_kind as SignalRow['rosterKind'],
    category: r.category as SignalRow['category'],
    asOf: r.as_of,
    status: r.status as SignalRow['status'],
    raisedAt: r.raised_at,
    resolvedAt: r.resolved_at,
    resolution: r.resolution,
  };
}
