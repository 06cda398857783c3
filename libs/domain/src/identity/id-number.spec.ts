import {
  birthDateFromIdNumber,
  idNumberCheckChar,
  idNumberProblem,
  isValidIdNumber,
  makeFictionalIdNumber,
  maskIdNumber,
  normalizeIdNumber,
} from './id-number';

const TODAY = '2026-03-10';

describe('GB 11643 ID numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    // the standard's own worked example
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
  });

  it('makes fictional numbers that validate and carry the birth date', () => {
    const id = makeFictionalIdNumber('330102', '2010-01-01', 1);
    expect(id).toHaveLength(18);
    expect(id.slice(0, 17)).toBe('33010220100101001');
    expect(isValidIdNumber(id, TODAY)).toBe(true);
    expect(birthDateFromIdNumber(id)).toBe('2010-01-01');
  });

  it('refuses a wrong check character', () => {
    const id = makeFictionalIdNumber('330102', '2010-01-01', 1);
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(idNumberProblem(wrong, TODAY)).toBe('checkDigit');
  });

  it('refuses bad shapes', () => {
    expect(idNumberProblem('33010220100101001', TODAY)).toBe('shape');
    expect(idNumberProblem('3301022010010100AX', TODAY)).toBe('shape');
    expect(idNumberProblem(Number('330102201001010012'), TODAY)).toBe('shape');
    expect(idNumberProblem('11010519491231002x', TODAY)).toBe('shape');
  });

  it('refuses a birth date that is not a calendar date', () => {
    const first17 = '33010220100230001';
    expect(idNumberProblem(first17 + idNumberCheckChar(first17), TODAY)).toBe('birthDate');
  });

  it('refuses a birth date after today', () => {
    const id = makeFictionalIdNumber('330102', '2026-03-11', 2);
    expect(idNumberProblem(id, TODAY)).toBe('bornAfterToday');
    expect(idNumberProblem(id, '2026-03-11')).toBeNull();
  });

  it('normalises a lower-case x', () => {
    expect(isValidIdNumber(normalizeIdNumber(' 11010519491231002x '), TODAY)).toBe(true);
  });

  it('keeps the region (first 6) only', () => {
    expect(maskIdNumber('330102201001010012')).toBe('330102************');
    expect(maskIdNumber('12345')).toBe('*****');
  });

  it('refuses bad fictional inputs', () => {
    expect(() => makeFictionalIdNumber('3301', '2010-01-01', 1)).toThrow(RangeError);
    expect(() => makeFictionalIdNumber('330102', '2010-02-30', 1)).toThrow(RangeError);
    expect(() => makeFictionalIdNumber('330102', '2010-01-01', 1000)).toThrow(RangeError);
  });
});
