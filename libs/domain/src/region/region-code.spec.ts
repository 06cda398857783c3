import {
  isRegionPrefix,
  isScopePrefix,
  isVillageCode,
  regionAncestors,
  regionInScope,
} from './region-code';

describe('region codes', () => {
  it('requires 12 digits for a case', () => {
    expect(isVillageCode('370302002003')).toBe(true);
    expect(isVillageCode('370302002')).toBe(false);
    expect(isVillageCode('37030200200A')).toBe(false);
    expect(isVillageCode(370302002003)).toBe(false);
  });

  it('accepts 2, 4, 6, 9 or 12 digit prefixes', () => {
    for (const p of ['37', '3703', '370302', '370302002', '370302002003'])
      expect(isRegionPrefix(p)).toBe(true);
    for (const p of ['', '3', '370', '37030', '3703020020', 'abcd'])
      expect(isRegionPrefix(p)).toBe(false);
    expect(isScopePrefix('')).toBe(true);
    expect(isScopePrefix('*')).toBe(true);
    expect(isScopePrefix('370')).toBe(false);
  });

  it('matches scopes by prefix, with "" and "*" meaning everywhere', () => {
    expect(regionInScope(['3703'], '370302002003')).toBe(true);
    expect(regionInScope(['3301', '3703'], '370302002003')).toBe(true);
    expect(regionInScope(['3301'], '370302002003')).toBe(false);
    expect(regionInScope([''], '370302002003')).toBe(true);
    expect(regionInScope(['*'], '370302002003')).toBe(true);
    expect(regionInScope([], '370302002003')).toBe(false);
  });

  it('lists the ancestors of a code', () => {
    expect(regionAncestors('370302002003')).toEqual([
      '37',
      '3703',
      '370302',
      '370302002',
      '370302002003',
    ]);
  });
});
