import { comparePositions } from '../position';
import { decodePosition, encodePosition, isEsdbPosition } from './esdb-position';

describe('EventStoreDB positions', () => {
  it('encode commit and prepare as "C<commit>/P<prepare>" and decode them back', () => {
    const position = encodePosition({ commit: 1234n, prepare: 1200n });
    expect(position).toBe('C1234/P1200');
    expect(decodePosition(position)).toEqual({ commit: 1234n, prepare: 1200n });
  });

  it('order by commit, then prepare (as comparePositions does)', () => {
    const ordered = ['C9/P9', 'C10/P2', 'C10/P10', 'C100/P1'];
    expect([...ordered].reverse().sort(comparePositions)).toEqual(ordered);
  });

  it.each([
    ['start', true],
    ['C0/P0', true],
    ['C9223372036854775807/P9223372036854775807', true],
    ['C9223372036854775808/P0', false],
    ['42', false],
    ['C01/P1', false],
    ['C1/P', false],
    [undefined, false],
  ])('%p is a position of this store: %p', (position, valid) => {
    expect(isEsdbPosition(position)).toBe(valid);
  });

  it('refuses a position the server reported as unknown (-1 as uint64)', () => {
    const unknown = 2n ** 64n - 1n;
    expect(() => encodePosition({ commit: unknown, prepare: unknown })).toThrow(/22\.10/);
  });
});
