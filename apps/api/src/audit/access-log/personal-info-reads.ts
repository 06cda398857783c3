import type { PersonalInfoField } from '@app/domain';
import type { PersonalInfoRead } from './access-log.service';

/**
 * The reads of personal information of one GraphQL request, collected by the field resolvers and
 * written once, before the response is sent (see flush-personal-info-reads.ts).
 */
export class PersonalInfoReads {
  private readonly reads = new Map<string, Set<PersonalInfoField>>();

  add(caseId: string, field: PersonalInfoField): void {
    const fields = this.reads.get(caseId) ?? new Set<PersonalInfoField>();
    fields.add(field);
    this.reads.set(caseId, fields);
  }

  get size(): number {
    return this.reads.size;
  }

  /** Everything collected so far, and forget it (a second flush writes nothing twice). */
  drain(): PersonalInfoRead[] {
    const drained = [...this.reads].map(([caseId, fields]) => ({ caseId, fields: [...fields] }));
    this.reads.clear();
    return drained;
  }
}
