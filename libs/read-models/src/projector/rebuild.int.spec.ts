import { DEFAULT_POLICY } from '@app/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { SqliteReadModelStore } from '../sqlite/sqlite-read-model-store';
import { ASSESSED_RISK, policyWithoutVisitIntervals } from '../testing/risk-fixtures';
import { ScenarioLog } from '../testing/scenario-log';
import { rebuildReadModels, type RebuildResult } from './rebuild';

const FIRST = '0b000000-0000-4000-8000-000000000001';
const SECOND = '0b000000-0000-4000-8000-000000000002';

/** Two cases; the second's risk assessment comes fourth in the log. */
function twoCases(): ScenarioLog {
  const log = new ScenarioLog();
  log.identify(FIRST, { regionCode: '370303001001', birthDate: '2012-05-10', sequence: 1 });
  log.command(FIRST, 'AssignCaseworker', { caseworkerId: 'director-1' });
  log.identify(SECOND, { regionCode: '370303001001', birthDate: '2013-06-11', sequence: 3 });
  log.command(SECOND, 'AssessRisk', ASSESSED_RISK);
  log.command(FIRST, 'AssignCaseworker', { caseworkerId: 'director-2' });
  return log;
}

describe('rebuildReadModels', () => {
  let dir: string;
  let events: SqliteEventStore;
  let store: SqliteReadModelStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-'));
    events = new SqliteEventStore({ filename: join(dir, 'events.sqlite') });
    store = new SqliteReadModelStore({ filename: join(dir, 'read-models.sqlite') });
  });
  afterEach(async () => {
    await events.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const checkpointOf = async () => (await store.checkpoints()).map((c) => c.position);

  /** The rebuild covered the events up to `checkpoint` and stopped at the `type` event after it. */
  async function expectStoppedAfter(result: RebuildResult, checkpoint: string, type: string) {
    expect(result).toEqual({
      events: Number(checkpoint),
      checkpoint,
      failure: expect.objectContaining({ position: String(Number(checkpoint) + 1), type }),
    });
    expect(new Set(await checkpointOf())).toEqual(new Set([checkpoint]));
  }

  it.each([1, 2, 3, 100])(
    'stops at an event it cannot fold, with the events before it written (batches of %i)',
    async (batchSize) => {
      const log = twoCases();
      log.record(`case-${FIRST}`, 'ChildTeleported', { to: 'moon' });
      log.command(SECOND, 'AssignCaseworker', { caseworkerId: 'director-3' });
      await log.appendTo(events);

      const result = await rebuildReadModels(events, store, { policy: DEFAULT_POLICY, batchSize });

      await expectStoppedAfter(result, '5', 'ChildTeleported');
      expect((await store.findCase(FIRST))?.caseworkerId).toBe('director-2');
      expect((await store.findCase(SECOND))?.caseworkerId).toBeNull();
    },
  );

  it.each([2, 3, 100])(
    'reads a batch again when a row cannot be derived, and stops at the event that made it so (batches of %i)',
    async (batchSize) => {
      const log = twoCases();
      await log.appendTo(events);

      const result = await rebuildReadModels(events, store, {
        batchSize,
        policy: policyWithoutVisitIntervals(),
      });

      await expectStoppedAfter(result, '3', 'RiskAssessed');
      expect((await store.findCase(FIRST))?.caseworkerId).toBe('director-1');
      expect((await store.findCaseState(SECOND))?.state.status).toBe('IDENTIFIED');
    },
  );
});
