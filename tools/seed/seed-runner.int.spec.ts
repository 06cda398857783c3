import { DEFAULT_POLICY } from '@app/domain';
import { TestApp } from '../../test/support/test-app';
import { PRESETS } from './regions';
import { planRegion } from './seed-plan';
import { runSeed } from './seed-runner';

describe('seeding a region through the command path', () => {
  it('writes every planned child with no refusal, and the age-out review finds its work', async () => {
    const app = await TestApp.start();
    try {
      const plan = planRegion(PRESETS.zibo, {
        policy: DEFAULT_POLICY,
        seed: 11,
        asOf: '2026-11-01',
        children: 150,
      });
      let done = 0;
      const report = await runSeed(app.app, plan, {
        concurrency: 8,
        asOf: '2026-11-01',
        onChild: () => done++,
      });
      expect(report.refused).toEqual({});
      expect(report.children).toBe(150);
      expect(done).toBe(150);
      expect(report.commands).toBe(
        plan.standards.length + plan.children.reduce((n, c) => n + 1 + c.steps.length, 0),
      );
      expect(report.review.agedOut + report.review.extended).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
