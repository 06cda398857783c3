import {
  ACCESS_CHAIN_GENESIS,
  accessLink,
  accessRowsAfter,
  isChainedAccessLog,
  type ChainedAccessRow,
} from '../../access-chain';
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

    it('numbers and links every row in order past one digit, whichever store appends, page by page', async () => {
      const [store, other] = [await open(), await open()];
      if (!isChainedAccessLog(store) || !isChainedAccessLog(other))
        throw new Error(`${name} does not keep the access log's hash chain`);
      const record = (n: number) => ({
        ...accessRecord(`case-${n % 3}`, 0),
        at: new Date(Date.UTC(2026, 2, 1, 2, 0, n)).toISOString(),
        correlationId: `req-${n}`,
      });
      // one append after another well past seq 9 (each reads the tip it links to), then appends
      // from two stores at once, then one append of several records
      for (let n = 1; n <= 12; n++) await store.append([record(n)]);
      await Promise.all(
        [13, 14, 15, 16, 17, 18].map((n) => (n % 2 ? store : other).append([record(n)])),
      );
      await other.append([19, 20, 21, 22].map(record));

      const rows: ChainedAccessRow[] = [];
      for await (const row of accessRowsAfter(other)) rows.push(row);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
      let previous = ACCESS_CHAIN_GENESIS;
      for (const row of rows) {
        previous = accessLink(previous, row.seq, row);
        expect(row.log_hash).toBe(previous);
      }
      // pages are numeric ranges: 10 follows 9, and a page starts after the seq it is given
      expect((await store.chainedRows('8', 3)).map((r) => r.seq)).toEqual(['9', '10', '11']);
      expect((await store.chainedRows('19', 10)).map((r) => r.seq)).toEqual(['20', '21', '22']);
      const ofCase = (await store.forCase('case-1')).map((r) => r.correlationId);
      expect(ofCase).toEqual(
        rows.filter((r) => r.case_id === 'case-1').map((r) => r.correlation_id),
      );
      expect(ofCase).toHaveLength(8);
      await Promise.all([store.close(), other.close()]);
    });

    it('refuses appends once closed', async () => {
      const store = await open();
      await store.close();
      await expect(store.append([accessRecord('case-a', 1)])).rejects.toThrow('closed');
    });
  });
}
