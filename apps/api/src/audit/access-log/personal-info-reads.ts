import type { PersonalInfoField } from '@app/domain';
import type { PersonalInfoRead } from './access-log.service';

/**
 * The reads of personal information of one GraphQL operation, collected by the field resolvers
 * and written once, before the response is sent (see flush-personal-info-reads.ts).
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

// Keyed by the GraphQL context object. Mercurius gives each operation of a batched request its own
// context (inheriting the request's), so each answer waits for the log of its own reads only.
const byContext = new WeakMap<object, PersonalInfoReads>();

/** The collector of the operation whose context this is (made on first use). */
export function personalInfoReadsOf(context: object): PersonalInfoReads {
  let reads = byContext.get(context);
  if (!reads) byContext.set(context, (reads = new PersonalInfoReads()));
  return reads;
}

/** What the operation read, handed over once. */
export function takePersonalInfoReads(context: object): PersonalInfoRead[] {
  return byContext.get(context)?.drain() ?? [];
}
