import type { AccessLogStore, AccessRecord } from '../access-log.port';

export const accessRecord = (caseId: string, n: number): AccessRecord => ({
  at: `2026-03-01T02:00:0${n}.000Z`,
  actor: { id: 'court-1', role: 'COURT', agency: '某区人民法院' },
  correlationId: `req-${n}`,
  caseId,
  fields: ['name', 'idNumber'],
});

/**
 * What every access-log store does. `open` opens the same log again (another process, or the
 * same after a restart); stores it opens are closed by the test.
 */
export function accessLogStoreContract(name: string, open: () => Promise<AccessLogStore>): void {
  describe(`AccessLogStore contract: ${name}`, () => {
    it('answers the reads of one case, oldest first, from any store opened on the same log', async () => {
      const store = await open();
      await store.append([accessRecord('case-a', 1), accessRecord('case-b', 1)]);
      await store.append([accessRecord('case-a', 2)]);
      const other = await open();
      await other.append([accessRecord('case-a', 3)]);
      await store.close();
      const reopened = await open();
      expect(await reopened.forCase('case-a')).toEqual(
        [1, 2, 3].map((n) => accessRecord('case-a', n)),
      );
      expect(await reopened.forCase('case-c')).toEqual([]);
      await Promise.all([other.close(), reopened.close()]);
    });

    it('refuses appends once closed', async () => {
      const store = await open();
      await store.close();
      await expect(store.append([accessRecord('case-a', 1)])).rejects.toThrow('closed');
    });
  });
}
