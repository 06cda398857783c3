import { comparePositions, isPosition } from './position';

describe('comparePositions', () => {
  it('orders SQLite positions as integers, not as text', () => {
    expect(comparePositions('9', '10')).toBeLessThan(0);
    expect(comparePositions('10', '9')).toBeGreaterThan(0);
    expect(comparePositions('42', '42')).toBe(0);
    expect(comparePositions('9007199254740993', '9007199254740992')).toBeGreaterThan(0);
  });

  it('orders EventStoreDB positions by commit, then prepare', () => {
    expect(comparePositions('C9/P9', 'C10/P0')).toBeLessThan(0);
    expect(comparePositions('C10/P5', 'C10/P12')).toBeLessThan(0);
    expect(comparePositions('C10/P12', 'C10/P12')).toBe(0);
  });

  it("puts 'start' before every position", () => {
    expect(comparePositions('start', '0')).toBeLessThan(0);
    expect(comparePositions('C0/P0', 'start')).toBeGreaterThan(0);
    expect(comparePositions('start', 'start')).toBe(0);
  });

  it('refuses to compare positions of different stores or malformed ones', () => {
    expect(() => comparePositions('1', 'C1/P1')).toThrow(RangeError);
    expect(() => comparePositions('01', '1')).toThrow(RangeError);
    expect(() => comparePositions('-1', '1')).toThrow(RangeError);
    expect(() => comparePositions('C1', '1')).toThrow(RangeError);
  });

  it('recognises positions of either adapter', () => {
    expect(['start', '0', '17', 'C1/P2'].every(isPosition)).toBe(true);
    expect(['', '1.5', 'abc', 'C1/P', 7, null].some(isPosition)).toBe(false);
  });
});
