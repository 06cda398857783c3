import { DEFAULT_POLICY } from './case-policy';
import { ageOn, eighteenthBirthday, isMinorOn } from './age';

describe('age', () => {
  it('turns 18 on the birthday, 29 February on 1 March', () => {
    expect(eighteenthBirthday('2008-05-10', DEFAULT_POLICY.ageOfMajority)).toBe('2026-05-10');
    expect(eighteenthBirthday('2008-02-29', DEFAULT_POLICY.ageOfMajority)).toBe('2026-03-01');
  });

  it('is a minor until the day before the 18th birthday', () => {
    expect(isMinorOn('2008-05-10', '2026-05-09', DEFAULT_POLICY.ageOfMajority)).toBe(true);
    expect(isMinorOn('2008-05-10', '2026-05-10', DEFAULT_POLICY.ageOfMajority)).toBe(false);
    expect(isMinorOn('2008-02-29', '2026-02-28', DEFAULT_POLICY.ageOfMajority)).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-03-01', DEFAULT_POLICY.ageOfMajority)).toBe(false);
  });

  it('counts whole years', () => {
    expect(ageOn('2012-05-10', '2026-05-09')).toBe(13);
    expect(ageOn('2012-05-10', '2026-05-10')).toBe(14);
  });
});
