import fc from 'fast-check';
import { WORLD_NOW, worldArb } from '@app/domain/testing/money-world';
import { playRollWorld } from '@app/domain/testing/roll-world';
import { describeEachReadModelStore } from './support/read-model-stores';
import { GraphQLRollDriver } from './support/roll-driver';
import { TestApp } from './support/test-app';

/**
 * The roll property through the running server, as a bureau's client drives it: random worlds of
 * facts recorded late, rolls issued between them, the roll as known then, every roll settled at
 * the end and each case-month paid what the reference model says it was owed. Fewer worlds than
 * the store-level spec (payment-rolls.property.int.spec.ts): this one proves the wiring.
 */
describeEachReadModelStore(
  'payment rolls through GraphQL, against the reference model',
  (store) => {
    it('issue, adjust, answer as known then and settle as the reference says', async () => {
      await fc.assert(
        fc.asyncProperty(worldArb({ issues: true, cases: 2 }), async (world) => {
          await store.cleanup();
          const app = await TestApp.start(await store.env());
          try {
            app.setNow(WORLD_NOW, { ticking: true });
            const bureau = app.token('CIVIL_AFFAIRS', ['33', '3703'], { sub: 'bureau' });
            await playRollWorld(world, new GraphQLRollDriver(app, bureau));
          } finally {
            await app.close();
          }
        }),
        { numRuns: store.kind === 'sqlite' ? 3 : 2 },
      );
      // a few worlds through the running server; slow on a loaded machine
    }, 120_000);
  },
);
