import { DEFAULT_POLICY } from '@app/domain';
import { hostname } from 'node:os';
import type { ReadModelStore } from '../read-model-store.port';
import { applyBatch } from '../projector/apply-batch';
import { PROJECTIONS } from '../projections/project-batch';
import { ZIBO, ziboScenario } from './zibo-scenario';
import { monitoringContract } from './monitoring.contract';

export type StoreFactory = () => Promise<{
  store: ReadModelStore;
  cleanup(): Promise<void>;
  /** another store on the same database, as another process would open it (the test closes it) */
  peer(): Promise<ReadModelStore>;
}>;

/** Waits for what another connection tells asynchronously (a NOTIFY, a file poll). */
async function eventually(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('not within the time allowed');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The behaviour every ReadModelStore adapter must show (run it against each adapter). */
export function readModelStoreContract(adapter: string, factory: StoreFactory): void {
  describe(`ReadModelStore contract: ${adapter}`, () => {
    let store: ReadModelStore;
    let cleanup: () => Promise<void>;
    let peer: () => Promise<ReadModelStore>;
    beforeEach(async () => {
      ({ store, cleanup, peer } = await factory());
    });
    afterEach(() => cleanup());
    monitoringContract(() => store);

    const zibo = async () => {
      const log = ziboScenario();
      await applyBatch(store, log.events, DEFAULT_POLICY);
      return log;
    };

    describe('transactions', () => {
      it('commits the rows with their checkpoint', async () => {
        const log = await zibo();
        expect(await store.checkpoints()).toEqual(
          [...PROJECTIONS].sort().map((projection) => ({
            projection,
            position: String(log.events.length),
            events: log.events.length,
          })),
        );
        expect((await store.findCaseState(ZIBO.deFacto))?.state.status).toBe('ENROLLED');
      });

      it('rolls everything back when the work fails', async () => {
        const log = ziboScenario();
        await expect(
          store.transaction(async (tx) => {
            await tx.setCheckpoints(PROJECTIONS, '5', 5);
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await store.checkpoints()).toEqual([]);
        await applyBatch(store, log.events, DEFAULT_POLICY);
        expect((await store.checkpoints())[0].events).toBe(log.events.length);
      });

      it('runs transactions one after the other', async () => {
        const order: string[] = [];
        const slow = store.transaction(async () => {
          order.push('a-start');
          await new Promise((resolve) => setTimeout(resolve, 20));
          order.push('a-end');
        });
        const fast = store.transaction(async () => {
          order.push('b');
        });
        await Promise.all([slow, fast]);
        expect(order).toEqual(['a-start', 'a-end', 'b']);
      });

      it('hands the projector back the snapshots it stored', async () => {
        await zibo();
        const snapshots = await store.transaction((tx) =>
          tx.caseSnapshots([ZIBO.marginal, 'nope']),
        );
        expect([...snapshots.keys()]).toEqual([ZIBO.marginal]);
        expect(snapshots.get(ZIBO.marginal)?.state.categories).toEqual(['MARGINAL_LOW_INCOME']);
      });
    });

    describe('cases', () => {
      beforeEach(zibo);
      const ids = (rows: { caseId: string }[]) => rows.map((r) => r.caseId);
      const on = '2026-11-20';

      it('lists by region prefix in (regionCode, caseId) order, with the total', async () => {
        const all = await store.findCases({ regions: ['3703'], on, limit: 10 });
        expect(ids(all.rows)).toEqual([
          ZIBO.deFacto,
          ZIBO.marginal,
          ZIBO.closed,
          ZIBO.twoCategories,
          ZIBO.graduate,
          ZIBO.turning18,
        ]);
        expect(all.totalCount).toBe(6);
        expect((await store.findCases({ regions: null, on, limit: 10 })).totalCount).toBe(7);
        expect(
          (await store.findCases({ regions: ['33', '370303002'], on, limit: 10 })).totalCount,
        ).toBe(3);
        expect((await store.findCases({ regions: ['37031'], on, limit: 10 })).totalCount).toBe(0);
        expect((await store.findCases({ regions: [], on, limit: 10 })).totalCount).toBe(0);
      });

      it('pages after a sort key', async () => {
        const page = await store.findCases({
          regions: ['3703'],
          on,
          after: { value: ZIBO.village, caseId: ZIBO.closed },
          limit: 2,
        });
        expect(ids(page.rows)).toEqual([ZIBO.twoCategories, ZIBO.graduate]);
        expect(page.totalCount).toBe(6);
      });

      it('filters by status, risk level, category and caseworker', async () => {
        const q = { regions: ['3703'], on, limit: 10 };
        expect(ids((await store.findCases({ ...q, status: 'AGED_OUT' })).rows)).toEqual([
          ZIBO.graduate,
        ]);
        // the status of the day asked: the graduate was still in extended protection in May
        const may = { ...q, on: '2026-05-01' };
        expect(ids((await store.findCases({ ...may, status: 'EXTENDED' })).rows)).toEqual([
          ZIBO.graduate,
        ]);
        expect(ids((await store.findCases({ ...may, status: 'AGED_OUT' })).rows)).toEqual([]);
        expect(ids((await store.findCases({ ...q, riskLevel: 'RED' })).rows)).toEqual([
          ZIBO.deFacto,
        ]);
        const deFacto = await store.findCases({ ...q, category: 'DE_FACTO_UNSUPPORTED' });
        expect(ids(deFacto.rows)).toEqual([ZIBO.deFacto, ZIBO.twoCategories]);
        expect(deFacto.totalCount).toBe(2);
        const worker = await store.findCases({ ...q, caseworkerId: 'director-7' });
        expect(ids(worker.rows)).toEqual([ZIBO.deFacto]);
      });

      it('lists what the caseload counts: overdue visits and 18th birthdays', async () => {
        const q = { regions: ['3703'], on, limit: 10 };
        const overdue = await store.findCases({ ...q, overdueAsOf: on });
        expect(ids(overdue.rows)).toEqual([ZIBO.deFacto, ZIBO.turning18]);
        const turning = await store.findCases({ ...q, turning18By: '2027-02-18' });
        expect(ids(turning.rows)).toEqual([ZIBO.turning18]);
        const counts = await store.caseload({
          regions: ['3703'],
          asOf: on,
          overdueBefore: on,
          turning18From: on,
          turning18To: '2027-02-18',
        });
        expect([overdue.totalCount, turning.totalCount]).toEqual([
          counts.overdueVisits,
          counts.turning18,
        ]);
        // in May the turning-18 child was not due yet, and the birthday window starts when asked
        expect(ids((await store.findCases({ ...q, overdueAsOf: '2026-05-01' })).rows)).toEqual([]);
        const later = { ...q, turning18From: '2026-12-21', turning18By: '2027-03-01' };
        expect((await store.findCases(later)).totalCount).toBe(0);
        // a closed case is not overdue whatever its visits
        expect(ids((await store.findCases({ ...q, overdueAsOf: '2030-01-01' })).rows)).toEqual([
          ZIBO.deFacto,
          ZIBO.marginal,
        ]);
      });

      it('orders by next visit due (unassessed last), identification or birth date', async () => {
        const q = { regions: ['3703'], on, limit: 10 };
        const byDue = await store.findCases({ ...q, orderBy: 'NEXT_VISIT_DUE' });
        expect(ids(byDue.rows)).toEqual([
          ZIBO.turning18,
          ZIBO.deFacto,
          ZIBO.marginal,
          ZIBO.graduate,
          ZIBO.closed,
          ZIBO.twoCategories,
        ]);
        const byBirth = await store.findCases({ ...q, orderBy: 'BIRTH_DATE' });
        expect(byBirth.rows.map((r) => r.birthDate)).toEqual(
          byBirth.rows.map((r) => r.birthDate).sort(),
        );
        expect(ids(byBirth.rows)[0]).toBe(ZIBO.graduate);
        const byIdentified = await store.findCases({ ...q, orderBy: 'IDENTIFIED_AT' });
        expect(byIdentified.rows.map((r) => r.identifiedAt)).toEqual(
          byIdentified.rows.map((r) => r.identifiedAt).sort(),
        );
        expect(byIdentified.rows[0].identifiedAt).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/);
      });

      it('pages an ordered list after a sort key, unassessed cases included', async () => {
        const q = { regions: ['3703'], on, orderBy: 'NEXT_VISIT_DUE' as const };
        const seen: string[] = [];
        let after: { value: string; caseId: string } | undefined;
        for (let page = 0; page < 6; page++) {
          const { rows } = await store.findCases({ ...q, after, limit: 2 });
          if (rows.length === 0) break;
          seen.push(...ids(rows));
          const last = rows.at(-1)!;
          after = { value: last.nextVisitDue ?? '9999-12-31', caseId: last.caseId };
        }
        expect(seen).toEqual(ids((await store.findCases({ ...q, limit: 10 })).rows));
        expect(seen).toHaveLength(6);
      });

      it('keeps the personal information for the entitled reader', async () => {
        const row = await store.findCase(ZIBO.deFacto);
        expect(row).toMatchObject({ childName: '测试儿童', guardian: { kind: 'RELATIVE' } });
        expect(row?.idNumber).toMatch(/^37030320120510001[\dX]$/);
      });
    });

    describe('folds and money', () => {
      beforeEach(zibo);

      it('hands back the folded case with its dated history', async () => {
        const graduate = await store.findCaseState(ZIBO.graduate);
        expect(graduate?.state.history.education).toEqual([
          expect.objectContaining({ level: 'UNDERGRADUATE', graduatedOn: '2026-06-30' }),
        ]);
        expect(await store.findCaseState('0a000000-0000-4000-8000-00000000ffff')).toBeNull();
      });

      it('reads the folds of many cases in one call, the same as one by one', async () => {
        const ids = [ZIBO.twoCategories, ZIBO.deFacto, 'nope', ZIBO.deFacto];
        const many = await store.caseStates(ids);
        expect(many.map((s) => s.state.id)).toEqual([ZIBO.deFacto, ZIBO.twoCategories]);
        expect(many).toEqual([
          await store.findCaseState(ZIBO.deFacto),
          await store.findCaseState(ZIBO.twoCategories),
        ]);
      });

      it('finds the cases a roll asks: in the regions on the day, with a cash programme or study', async () => {
        const paying = async (regions: string[] | null, from: string, to = from) =>
          (await store.payingCases({ regions, from, to })).map((c) => c.state.id);
        expect(await paying(['3703'], '2026-03-01')).toEqual([
          ZIBO.deFacto,
          ZIBO.marginal,
          ZIBO.graduate,
          ZIBO.twoCategories,
        ]);
        expect(await paying(['370303002'], '2026-03-01')).toEqual([ZIBO.graduate]);
        expect(await paying(['33'], '2026-03-01')).toEqual([ZIBO.hangzhou]);
        expect(await paying([], '2026-03-01')).toEqual([]);
      });

      it('lists standards by stream and revision', async () => {
        const standards = await store.standards();
        expect(standards.map((s) => [s.streamId, s.revision])).toEqual([
          ['benefit-standard-3703-DE_FACTO_UNSUPPORTED', 0],
          ['benefit-standard-3703-DE_FACTO_UNSUPPORTED', 1],
          ['benefit-standard-3703-ORPHAN', 0],
          ['benefit-standard-3703-ORPHAN', 1],
        ]);
      });
    });

    it('counts a caseload', async () => {
      await zibo();
      const counts = await store.caseload({
        regions: ['3703'],
        asOf: '2026-11-20',
        overdueBefore: '2026-11-20',
        turning18From: '2026-11-20',
        turning18To: '2027-02-18',
      });
      expect(counts).toEqual({
        open: 4,
        openSignals: 0,
        unassessed: 1,
        overdueVisits: 2,
        turning18: 1,
        byRisk: { RED: 1, YELLOW: 1, GREEN: 1 },
        byCategory: { DE_FACTO_UNSUPPORTED: 2, ORPHAN: 1, MARGINAL_LOW_INCOME: 1, LEFT_BEHIND: 1 },
      });
      const mine = await store.caseload({
        regions: null,
        caseworkerId: 'director-7',
        asOf: '2026-11-20',
        overdueBefore: '2026-11-20',
        turning18From: '2026-11-20',
        turning18To: '2027-02-18',
      });
      expect(mine).toMatchObject({ open: 1, byCategory: { DE_FACTO_UNSUPPORTED: 1 } });
      // open on the day asked: in May the graduate was still protected, the child of 2026-12-20 too
      const may = await store.caseload({
        regions: ['3703'],
        asOf: '2026-05-01',
        overdueBefore: '2026-05-01',
        turning18From: '2026-05-01',
        turning18To: '2026-07-30',
      });
      expect(may).toMatchObject({ open: 5, byCategory: { ORPHAN: 2 } });
    });

    it('replaces every row of a case when it changes', async () => {
      const log = ziboScenario();
      await applyBatch(store, log.events, DEFAULT_POLICY);
      const next = log.command(ZIBO.deFacto, 'EndProgramme', {
        programme: 'MEDICAL_ASSISTANCE',
        effectiveTo: '2026-10-31',
        reason: 'covered elsewhere',
      });
      await applyBatch(store, next, DEFAULT_POLICY);
      const found = await store.findCaseState(ZIBO.deFacto);
      expect(found?.state.programmes.map((p) => [p.programme, p.to])).toEqual([
        ['BASIC_LIVING_ALLOWANCE', null],
        ['MEDICAL_ASSISTANCE', '2026-10-31'],
      ]);
      expect(found?.revision).toBe(5);
    });

    describe('one projector at a time', () => {
      it('refuses a second claim at once, naming the holder, until the first lets go', async () => {
        const other = await peer();
        try {
          const first = (await store.projectorLock('api 1@host-a').tryAcquire())!;
          expect(first).not.toBeNull();
          const second = other.projectorLock('demo:seed');
          const started = Date.now();
          expect(await second.tryAcquire()).toBeNull();
          expect(Date.now() - started).toBeLessThan(2000); // no waiting on the holder
          // named as it named itself, with the process, host and program the lock recorded
          expect(await second.holder()).toEqual({
            name: 'api 1@host-a',
            since: expect.any(String),
            pid: process.pid,
            host: hostname(),
            process: expect.any(String),
          });
          await first.release();
          expect(await second.holder()).toBeNull();
          await (await second.tryAcquire())!.release();
        } finally {
          await other.close();
        }
      });

      it('lets go when the holder closes the store', async () => {
        const other = await peer();
        try {
          expect(await other.projectorLock('start').tryAcquire()).not.toBeNull();
          await other.close();
          const lease = await store.projectorLock('projections:rebuild').tryAcquire();
          expect(lease).not.toBeNull();
          await lease!.release();
        } finally {
          await other.close();
        }
      });
    });

    describe('checkpoints seen from another process', () => {
      it('tells a watcher on another connection of each checkpoint as it commits', async () => {
        const log = ziboScenario();
        const other = await peer();
        const seen: string[] = [];
        const watch = other.watchCheckpoints((position) => seen.push(position));
        try {
          await applyBatch(store, log.events.slice(0, 10), DEFAULT_POLICY);
          await eventually(() => seen.includes('10'));
          await applyBatch(store, log.events.slice(10), DEFAULT_POLICY);
          await eventually(() => seen.at(-1) === String(log.events.length));
          expect(seen.every((p, i) => i === 0 || Number(p) > Number(seen[i - 1]))).toBe(true);
        } finally {
          await watch.stop();
          await other.close();
        }
      });

      it('starts a watcher from the checkpoint already stored', async () => {
        const log = await zibo();
        const other = await peer();
        const seen: string[] = [];
        const watch = other.watchCheckpoints((position) => seen.push(position));
        try {
          await eventually(() => seen.length > 0);
          expect(seen).toEqual([String(log.events.length)]);
        } finally {
          await watch.stop();
          await other.close();
        }
      });

      it('says nothing of a transaction that rolled back', async () => {
        const other = await peer();
        const seen: string[] = [];
        const watch = other.watchCheckpoints((position) => seen.push(position));
        try {
          await expect(
            store.transaction(async (tx) => {
              await tx.setCheckpoints(PROJECTIONS, '5', 5);
              throw new Error('boom');
            }),
          ).rejects.toThrow('boom');
          await store.transaction((tx) => tx.setCheckpoints(PROJECTIONS, '7', 7));
          await eventually(() => seen.length > 0);
          expect(seen).toEqual(['7']);
        } finally {
          await watch.stop();
          await other.close();
        }
      });
    });

    it('runs bulk writes, keeps them, and passes on their result or their error', async () => {
      const log = ziboScenario();
      await expect(
        store.bulkWrites(() => applyBatch(store, log.events, DEFAULT_POLICY)),
      ).resolves.toMatchObject({
        failure: null,
      });
      expect((await store.findCaseState(ZIBO.deFacto))?.state.status).toBe('ENROLLED');
      await expect(
        store.bulkWrites(async () => {
          await store.reset();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.findCase(ZIBO.deFacto)).toBeNull();
      await zibo();
      expect((await store.findCaseState(ZIBO.deFacto))?.state.status).toBe('ENROLLED');
    });

    it('dumps every table in key order, and resets to nothing', async () => {
      await zibo();
      const dump = await store.dump();
      expect(Object.keys(dump)).toContain('rm_case');
      expect((dump.rm_case as { case_id: string }[]).map((r) => r.case_id)).toEqual(
        Object.values(ZIBO)
          .filter((v) => v.startsWith('0a'))
          .sort(),
      );
      await store.reset();
      const empty = await store.dump();
      expect(Object.values(empty).every((rows) => rows.length === 0)).toBe(true);
    });
  });
}
