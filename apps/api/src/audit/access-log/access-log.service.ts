import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PERSONAL_INFO_FIELDS, type PersonalInfoField } from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import { actorOf } from '../../cases/command-context';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import {
  ACCESS_LOG_STORE,
  type AccessLogStore,
  type AccessRecord,
} from '@app/runtime/audit/access-log/access-log.port';

/** What was read of one case. */
export interface PersonalInfoRead {
  caseId: string;
  fields: readonly PersonalInfoField[];
}

/**
 * "Every read of a child's name or ID number is logged": the one door to the access log, for the
 * GraphQL field resolvers (through the per-request flush) and for exports. Call `record` and await
 * it before the personal information leaves the server; it fails rather than lose a read.
 */
@Injectable()
export class AccessLog {
  constructor(
    @Inject(ACCESS_LOG_STORE) private readonly store: AccessLogStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One durable append for all `reads` (a case named twice is one entry with both fields). */
  async record(
    principal: Principal,
    reads: readonly PersonalInfoRead[],
    options: { correlationId?: string } = {},
  ): Promise<void> {
    const byCase = new Map<string, Set<PersonalInfoField>>();
    for (const { caseId, fields } of reads) {
      const known = byCase.get(caseId) ?? new Set<PersonalInfoField>();
      for (const field of fields) {
        if (!PERSONAL_INFO_FIELDS.includes(field)) throw new Error(`not personal information`);
        known.add(field);
      }
      byCase.set(caseId, known);
    }
    const at = this.clock.now().toISOString();
    const actor = actorOf(principal);
    const correlationId = options.correlationId ?? randomUUID();
    const records: AccessRecord[] = [...byCase]
      .filter(([, fields]) => fields.size > 0)
      .map(([caseId, fields]) => ({
        at,
        actor,
        correlationId,
        caseId,
        // a stable order, whatever order the fields were resolved in
        fields: PERSONAL_INFO_FIELDS.filter((f) => fields.has(f)),
      }));
    await this.store.append(records);
  }

  /** Who read the child's personal information in this case, oldest first. */
  forCase(caseId: string): Promise<AccessRecord[]> {
    return this.store.forCase(caseId);
  }
}
