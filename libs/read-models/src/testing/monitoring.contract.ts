import { DEFAULT_POLICY } from '@app/domain';
import type { ReadModelStore } from '../read-model-store.port';
import { applyBatch } from '../projector/apply-batch';
import { ZIBO, ziboScenario } from './zibo-scenario';

const HASH = { deFacto: 'a'.repeat(64), closed: 'b'.repeat(64), moved: 'c'.repeat(64) };

/** Signals and keyed hashes, as every adapter must keep them (part of the store contract). */
export function monitoringContract(store: () => ReadModelStore): void {
  describe('monitoring', () => {
    const scenario = async () => {
      const log = ziboScenario();
      log.record(`idres-${HASH.deFacto}`, 'IdNumberReserved', { caseId: ZIBO.deFacto });
      log.record(`idres-${HASH.closed}`, 'IdNumberReserved', { caseId: ZIBO.closed });
      // a hash held, released, then held by another case: the last holder answers
      log.record(`idres-${HASH.moved}`, 'IdNumberReserved', { caseId: ZIBO.closed });
      log.record(`idres-${HASH.moved}`, 'IdNumberReleased', { caseId: ZIBO.closed, reason: 'x' });
      log.record(`idres-${HASH.moved}`, 'IdNumberReserved', { caseId: ZIBO.marginal });
      const evidence = {
        kind: 'CATEGORY_EVIDENCE_FOUND' as const,
        rosterKind: 'MINIMUM_LIVING' as const,
        category: 'MINIMUM_LIVING' as const,
        asOf: '2026-11-01',
        importId: 'import-1',
      };
      log.command(ZIBO.deFacto, 'RaiseMonitoringSignals', {
        evidence: [
          { ...evidence, signalId: 'sig-1' },
          {
            ...evidence,
            kind: 'RISK_EVIDENCE_FOUND',
            rosterKind: 'SCHOOL_DROPOUT',
            category: null,
            signalId: 'sig-2',
          },
        ],
      });
      log.command(ZIBO.deFacto, 'ResolveSignal', { signalId: 'sig-2', resolution: 'visited' });
      await applyBatch(store(), log.events, DEFAULT_POLICY);
    };

    it('finds the cases of keyed hashes, with their status on the day', async () => {
      await scenario();
      const found = await store().matchIdHashes(
        [HASH.deFacto, HASH.closed, HASH.moved, 'd'.repeat(64)],
        '2026-11-20',
      );
      expect(found.sort((a, b) => a.idHash.localeCompare(b.idHash))).toEqual([
        {
          idHash: HASH.deFacto,
          caseId: ZIBO.deFacto,
          regionCode: ZIBO.village,
          categories: ['DE_FACTO_UNSUPPORTED'],
          open: true,
        },
        expect.objectContaining({ idHash: HASH.closed, caseId: ZIBO.closed, open: false }),
        expect.objectContaining({ idHash: HASH.moved, caseId: ZIBO.marginal, open: true }),
      ]);
    });

    it('lists open cases holding a category, with their hash', async () => {
      await scenario();
      expect(await store().casesHolding('MARGINAL_LOW_INCOME', ['3703'], '2026-11-20')).toEqual([
        { caseId: ZIBO.marginal, idHash: HASH.moved },
      ]);
      expect(await store().casesHolding('MARGINAL_LOW_INCOME', ['3301'], '2026-11-20')).toEqual([]);
    });

    it('keeps the signals of each case, open and resolved, and counts the open ones', async () => {
      await scenario();
      const all = await store().monitoringSignals({ regions: ['3703'], limit: 10 });
      expect(all.totalCount).toBe(2);
      expect(all.rows.map((s) => [s.signalId, s.kind, s.status, s.resolution])).toEqual([
        ['sig-1', 'CATEGORY_EVIDENCE_FOUND', 'OPEN', null],
        ['sig-2', 'RISK_EVIDENCE_FOUND', 'RESOLVED', 'visited'],
      ]);
      const open = await store().monitoringSignals({ regions: null, status: 'OPEN', limit: 10 });
      expect(open.rows.map((s) => s.signalId)).toEqual(['sig-1']);
      const after = await store().monitoringSignals({ regions: null, after: 'sig-1', limit: 10 });
      expect(after.rows.map((s) => s.signalId)).toEqual(['sig-2']);
      expect(await store().findSignal('sig-1')).toMatchObject({ caseId: ZIBO.deFacto });
      expect(await store().findSignal('nope')).toBeNull();
      const counts = await store().caseload({
        regions: ['3703'],
        asOf: '2026-11-20',
        overdueBefore: '2026-11-20',
        turning18From: '2026-11-20',
        turning18To: '2027-02-18',
      });
      expect(counts.openSignals).toBe(1);
    });
  });
}
