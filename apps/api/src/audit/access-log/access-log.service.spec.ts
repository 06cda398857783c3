import type { Principal } from '@app/runtime/auth/principal';
import type { AccessLogStore, AccessRecord } from '@app/runtime/audit/access-log/access-log.port';
import { AccessLog } from './access-log.service';

class MemoryStore implements AccessLogStore {
  readonly appends: AccessRecord[][] = [];
  async append(records: readonly AccessRecord[]) {
    this.appends.push([...records]);
  }
  async forCase(caseId: string) {
    return this.appends.flat().filter((r) => r.caseId === caseId);
  }
  async close() {}
}

const director: Principal = { id: 'director-7', role: 'CHILD_DIRECTOR', regions: ['370303'] };
const clock = { now: () => new Date('2026-03-01T02:00:00Z') };

describe('recording reads of personal information', () => {
  it('writes a page of reads as one append, one entry per case', async () => {
    const store = new MemoryStore();
    const log = new AccessLog(store, clock);
    const page = Array.from({ length: 50 }, (_, i) => ({
      caseId: `case-${i}`,
      fields: ['name'] as const,
    }));
    await log.record(director, page, { correlationId: 'req-1' });
    expect(store.appends).toHaveLength(1);
    expect(store.appends[0]).toHaveLength(50);
    expect(store.appends[0][0]).toEqual({
      at: '2026-03-01T02:00:00.000Z',
      actor: { id: 'director-7', role: 'CHILD_DIRECTOR' },
      correlationId: 'req-1',
      caseId: 'case-0',
      fields: ['name'],
    });
  });

  it('merges a case named twice and orders its fields', async () => {
    const store = new MemoryStore();
    await new AccessLog(store, clock).record(director, [
      { caseId: 'case-a', fields: ['idNumber'] },
      { caseId: 'case-a', fields: ['name'] },
    ]);
    expect(store.appends[0].map((r) => r.fields)).toEqual([['name', 'idNumber']]);
  });

  it('refuses what is not personal information rather than log it wrongly', async () => {
    const log = new AccessLog(new MemoryStore(), clock);
    await expect(
      log.record(director, [{ caseId: 'case-a', fields: ['birthDate' as never] }]),
    ).rejects.toThrow();
  });

  it('fails when the store fails, so the caller does not answer', async () => {
    const store = new MemoryStore();
    store.append = () => Promise.reject(new Error('disk full'));
    await expect(
      new AccessLog(store, clock).record(director, [{ caseId: 'c', fields: ['name'] }]),
    ).rejects.toThrow('disk full');
  });
});
