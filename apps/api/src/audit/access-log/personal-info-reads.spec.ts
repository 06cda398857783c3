import { PersonalInfoReads } from './personal-info-reads';

describe('the reads of one request', () => {
  it('gathers the fields read per case, once each', () => {
    const reads = new PersonalInfoReads();
    reads.add('case-a', 'name');
    reads.add('case-b', 'idNumber');
    reads.add('case-a', 'idNumber');
    reads.add('case-a', 'name');
    expect(reads.drain()).toEqual([
      { caseId: 'case-a', fields: ['name', 'idNumber'] },
      { caseId: 'case-b', fields: ['idNumber'] },
    ]);
  });

  it('hands each read over once', () => {
    const reads = new PersonalInfoReads();
    reads.add('case-a', 'name');
    reads.drain();
    expect(reads.size).toBe(0);
    expect(reads.drain()).toEqual([]);
  });
});
