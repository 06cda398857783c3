import { formatYuan, isFen, parseYuan, tryParseYuan } from './money';

describe('money in fen', () => {
  it('parses yuan strings to integer fen', () => {
    expect(parseYuan('1978.00')).toBe(197800);
    expect(parseYuan('1978')).toBe(197800);
    expect(parseYuan('1978.5')).toBe(197850);
    expect(parseYuan('0.01')).toBe(1);
    expect(parseYuan('0')).toBe(0);
  });

  it.each(['-1.00', '1.234', 'abc', '', '1,978.00', '01.00', '1e3', '.5', '99999999999999999999'])(
    'refuses %p',
    (value) => {
      expect(() => parseYuan(value)).toThrow(RangeError);
      expect(tryParseYuan(value)).toBeNull();
    },
  );

  it('formats fen as yuan with two decimals', () => {
    expect(formatYuan(197800)).toBe('1978.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-150)).toBe('-1.50');
    expect(() => formatYuan(1.5)).toThrow(RangeError);
  });

  it('round-trips', () => {
    for (const fen of [0, 1, 99, 100, 197800, 1186800])
      expect(parseYuan(formatYuan(fen))).toBe(fen);
  });

  it('knows a valid amount', () => {
    expect(isFen(197800, 1)).toBe(true);
    expect(isFen(0, 1)).toBe(false);
    expect(isFen(1.5)).toBe(false);
    expect(isFen('100')).toBe(false);
  });
});
