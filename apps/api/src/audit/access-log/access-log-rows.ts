import type { PersonalInfoField, Role } from '@app/domain';
import type { AccessRecord } from './access-log.port';

/** One record as both stores keep it: the actor in columns, the fields as JSON text. */
export interface AccessRow {
  at: string;
  actor_id: string;
  actor_role: string;
  actor_agency: string | null;
  correlation_id: string;
  case_id: string;
  fields: string;
}

/** The columns, in the order the stores insert them. */
export const ACCESS_COLUMNS = [
  'at',
  'actor_id',
  'actor_role',
  'actor_agency',
  'correlation_id',
  'case_id',
  'fields',
] as const satisfies readonly (keyof AccessRow)[];

export function toRow(record: AccessRecord): AccessRow {
  return {
    at: record.at,
    actor_id: record.actor.id,
    actor_role: record.actor.role,
    actor_agency: record.actor.agency ?? null,
    correlation_id: record.correlationId,
    case_id: record.caseId,
    fields: JSON.stringify(record.fields),
  };
}

export function fromRow(row: AccessRow): AccessRecord {
  return {
    at: row.at,
    actor: {
      id: row.actor_id,
      role: row.actor_role as Role,
      ...(row.actor_agency === null ? {} : { agency: row.actor_agency }),
    },
    correlationId: row.correlation_id,
    caseId: row.case_id,
    fields: JSON.parse(row.fields) as PersonalInfoField[],
  };
}
