import { InvalidEventStoreInput } from './errors';
import { toFaithfulJson } from './json-payload';

class Money {
  constructor(readonly cents: number) {}
}

describe('toFaithfulJson', () => {
  it('serialises plain JSON data', () => {
    const value = { a: [1, 'x', null, true, { b: -2.5 }], c: '困境儿童', d: {} };
    expect(JSON.parse(toFaithfulJson(value, 'data'))).toEqual(value);
    expect(toFaithfulJson(Object.assign(Object.create(null), { a: 1 }), 'data')).toBe('{"a":1}');
    expect(toFaithfulJson('text', 'data')).toBe('"text"');
  });

  it('drops undefined object properties, which read back as undefined anyway', () => {
    expect(toFaithfulJson({ a: 1, note: undefined }, 'data')).toBe('{"a":1}');
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(toFaithfulJson({ a: shared, b: [shared] }, 'data')).toBe('{"a":{"x":1},"b":[{"x":1}]}');
  });

  const cycle: Record<string, unknown> = {};
  cycle.again = { cycle };
  const deep = Array.from({ length: 300 }).reduce<unknown>((inner) => [inner], 1);

  it.each([
    ['undefined', undefined, 'data is a undefined'],
    ['a BigInt', { n: 1n }, 'data.n is a bigint'],
    ['a function', { f: () => 1 }, 'data.f is a function'],
    ['a symbol', [Symbol('s')], 'data[0] is a symbol'],
    ['NaN', { x: NaN }, 'data.x is NaN'],
    ['Infinity', [Infinity], 'data[0] is Infinity'],
    ['a cycle', cycle, 'data.again.cycle contains a cycle'],
    ['a Date', { at: new Date(0) }, 'data.at is a Date object'],
    ['a Map', new Map(), 'data is a Map object'],
    ['a class instance', { price: new Money(5) }, 'data.price is a Money object'],
    ['undefined in an array', [1, undefined], 'data[1] is undefined or a hole'],
    ['a sparse array', new Array(2), 'data[0] is undefined or a hole'],
    ['symbol keys', { [Symbol('k')]: 1 }, 'data has symbol keys'],
    ['absurd nesting', deep, 'nested more than 256 levels deep'],
  ])('refuses %s, naming where it is', (_, value, message) => {
    expect(() => toFaithfulJson(value, 'data')).toThrow(InvalidEventStoreInput);
    expect(() => toFaithfulJson(value, 'data')).toThrow(message);
  });
});
