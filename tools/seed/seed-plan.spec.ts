import { DEFAULT_POLICY } from '@app/domain';
import { isValidIdNumber } from '@app/domain';
import { PRESETS, townshipsOf } from './regions';
import { planRegion } from './seed-plan';

describe('the demo region plan', () => {
  const plan = planRegion(PRESETS.zibo, { policy: DEFAULT_POLICY, seed: 7, asOf: '2026-11-01' });

  it('has Zibo’s 1,312 children over its 88 townships', () => {
    expect(plan.children).toHaveLength(1312);
    expect(townshipsOf(PRESETS.zibo)).toHaveLength(88);
    const townships = new Set(plan.children.map((c) => c.identify.data.regionCode.slice(0, 9)));
    expect(townships.size).toBe(88);
  });

  it('gives every child a distinct, valid, fictional ID number in Zibo', () => {
    const ids = plan.children.map((c) => c.identify.data.idNumber);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => isValidIdNumber(id, '2026-11-01') && id.startsWith('3703'))).toBe(
      true,
    );
  });

  it('is the same plan for the same seed and different for another', () => {
    const again = planRegion(PRESETS.zibo, { policy: DEFAULT_POLICY, seed: 7, asOf: '2026-11-01' });
    const other = planRegion(PRESETS.zibo, { policy: DEFAULT_POLICY, seed: 8, asOf: '2026-11-01' });
    expect(again.children.map((c) => c.identify.data)).toEqual(
      plan.children.map((c) => c.identify.data),
    );
    expect(other.children[0].identify.data).not.toEqual(plan.children[0].identify.data);
  });

  it('mixes categories, with guardianship acts for some children', () => {
    const categories = new Set(plan.children.flatMap((c) => c.identify.data.categories ?? []));
    expect(categories.size).toBeGreaterThanOrEqual(8);
    const acts = plan.children
      .flatMap((c) => c.steps.map((s) => s.command('x').type))
      .filter((t) => t === 'RecordGuardianshipAct');
    expect(acts.length).toBeGreaterThan(0);
  });
});
