import type { SelectionSetNode } from 'graphql';

const IN_PROGRESS = -1;

/** More (selections, value) pairs than this is not a query any client sends: refused. */
export const MAX_WALK_STEPS = 200_000;

export class WalkTooLong extends Error {}

export class FragmentCycle extends Error {}

/**
 * The memory of a cost walk: the cost of some selection sets on a value (a type, or an
 * introspection object) is worked out once. Meeting a pair again while it is still being worked
 * out means a fragment spreads itself: FragmentCycle. Past MAX_WALK_STEPS pairs: WalkTooLong.
 */
export class CostWalk {
  private readonly ids = new WeakMap<SelectionSetNode, number>();
  private readonly known = new Map<string, Map<object, number>>();
  private steps = 0;

  once(sets: readonly SelectionSetNode[], value: object, work: () => number): number {
    const key = sets.map((s) => this.idOf(s)).join(',');
    let byValue = this.known.get(key);
    if (!byValue) this.known.set(key, (byValue = new Map()));
    const seen = byValue.get(value);
    if (seen === IN_PROGRESS) throw new FragmentCycle('a fragment spreads itself');
    if (seen !== undefined) return seen;
    if (++this.steps > MAX_WALK_STEPS) throw new WalkTooLong();
    byValue.set(value, IN_PROGRESS);
    const cost = work();
    byValue.set(value, cost);
    return cost;
  }

  private idOf(set: SelectionSetNode): number {
    let id = this.ids.get(set);
    if (id === undefined) this.ids.set(set, (id = this.ids_++));
    return id;
  }

  private ids_ = 0;
}
