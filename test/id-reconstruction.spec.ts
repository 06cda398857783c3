import { makeFictionalIdNumber, maskIdNumber } from '@app/domain';
import { candidateCount, fewestCandidates } from './support/id-reconstruction';

const ID = makeFictionalIdNumber('370321', '2012-05-10', 482);
const oldMask = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

describe('the reconstruction the e2e spec tries', () => {
  it("rebuilds the number from main's old mask (characters 15-18 kept) and the birth date", () => {
    expect(candidateCount(oldMask(ID), '2012-05-10')).toBe(1);
    expect(fewestCandidates(`{"m":"${oldMask(ID)}","birthDate":"2012-05-10"}`, ID)).toBe(1);
  });

  it('finds a number shown in full', () => {
    expect(fewestCandidates(`{"idNumber":"${ID}"}`, ID)).toBe(1);
  });

  it('leaves 1,000 numbers from the region-only mask and the birth date, 10^11 without the date', () => {
    expect(maskIdNumber(ID)).toBe('370321************');
    expect(candidateCount(maskIdNumber(ID), '2012-05-10')).toBe(1000);
    expect(candidateCount(maskIdNumber(ID), null)).toBe(10 ** 11);
    expect(fewestCandidates(`${maskIdNumber(ID)} 2012-05-10 2026-01-01`, ID)).toBe(1000);
  });

  it('counts exactly when the check character is known', () => {
    // the last 4 kept and the sequence's first digit hidden: ten sequences, one fits the check
    const hidden = `${ID.slice(0, 14)}*${ID.slice(15)}`;
    expect(candidateCount(hidden, null)).toBe(1);
  });
});
