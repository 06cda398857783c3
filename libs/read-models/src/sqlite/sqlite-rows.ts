import type { CaseRow, ProgrammeRow, RegionPrefixes } from '../read-model-store.port';

/** `(col >= p AND col < p || ':')` for each prefix: ':' follows '9', so the range is the prefix. */
export function regionClause(
  column: string,
  regions: RegionPrefixes,
): { sql: string; params: string[] } {
  if (regions === null) return { sql: '1 = 1', params: [] };
  if (regions.length === 0) return { sql: '1 = 0', params: [] };
  const parts = regions.map(() => `(${column} >= ? AND ${column} < ?)`);
  return { sql: `(${parts.join(' OR ')})`, params: regions.flatMap((p) => [p, `${p}:`]) };
}

export type CaseRecordRow = {
  case_id: string;
  region_code: string;
  status: string;
  is_open: number;
  risk_level: string | null;
  caseworker_id: string | null;
  birth_date: string;
  eighteenth_birthday: string;
  next_visit_due: string | null;
  categories: string;
  child_name: string;
  id_number: string;
  guardian_kind: string | null;
  guardian_name: string | null;
  guardian_relation: string | null;
  revision: number;
  position: string;
};

export function toCaseRow(r: CaseRecordRow): CaseRow {
  return {
    caseId: r.case_id,
    regionCode: r.region_code,
    status: r.status as CaseRow['status'],
    open: r.is_open === 1,
    riskLevel: r.risk_level as CaseRow['riskLevel'],
    caseworkerId: r.caseworker_id,
    birthDate: r.birth_date,
    eighteenthBirthday: r.eighteenth_birthday,
    nextVisitDue: r.next_visit_due,
    categories: JSON.parse(r.categories) as CaseRow['categories'],
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

export function fromCaseRow(c: CaseRow): CaseRecordRow {
  return {
    case_id: c.caseId,
    region_code: c.regionCode,
    status: c.status,
    is_open: c.open ? 1 : 0,
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

export type ProgrammeRecordRow = {
  case_id: string;
  seq: number;
  programme: string;
  from_date: string;
  to_date: string | null;
  fast_track: number;
  amount_fen: number | null;
  coverage_share: number | null;
  one_off: number;
  end_reason: string | null;
};

export function toProgrammeRow(r: ProgrammeRecordRow): ProgrammeRow {
  return {
    caseId: r.case_id,
    seq: r.seq,
    programme: r.programme as ProgrammeRow['programme'],
    from: r.from_date,
    to: r.to_date,
    fastTrack: r.fast_track === 1,
    amountFen: r.amount_fen,
    coverageSharePercent: r.coverage_share,
    oneOff: r.one_off === 1,
    endReason: r.end_reason,
  };
}

/** Splits long IN lists (SQLite limits bound parameters). */
export function chunks<T>(values: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

export const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');
