import fc from 'fast-check';
import { DomainRollDriver } from '../testing/domain-roll-driver';
import { worldArb } from '../testing/money-world';
import { playRollWorld } from '../testing/roll-world';

describe('issued rolls, arrears and clawbacks, against the reference model (the engine alone)', () => {
  it('issue, adjust, answer as known then and settle as the reference says', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb({ issues: true }), (world) =>
        playRollWorld(world, new DomainRollDriver()),
      ),
      { numRuns: 120 },
    );
  });
});
