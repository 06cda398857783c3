import { nestsDeeperThan } from './json-body';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(nestsDeeperThan('{"a":[1,{"b":[]}]}', 4)).toBe(false);
    expect(nestsDeeperThan('{"a":[1,{"b":[]}]}', 3)).toBe(true);
    expect(nestsDeeperThan('{"a":"[[[[[[[[[[\\"[[[["}', 1)).toBe(false);
    expect(nestsDeeperThan('[[]][[]]', 2)).toBe(false);
  });

  it('is linear: a megabyte of brackets and escaped quotes is scanned at once', () => {
    const started = performance.now();
    expect(nestsDeeperThan('['.repeat(1 << 20), 32)).toBe(true);
    expect(nestsDeeperThan(`{"a":"${'\\"'.repeat(1 << 19)}"}`, 32)).toBe(false);
    // a quadratic scan of these would take minutes; the bound is generous for a loaded machine
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
