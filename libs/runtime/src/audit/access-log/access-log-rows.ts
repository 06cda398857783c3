import type { PersonalInfoField, Role } from '@app/domain';
import type { AccessRecord } from './access-log.port';

import type { AccessRow } from '../access-chain';

export { ACCESS_COLUMNS, type AccessRow } from '../access-chain';

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
