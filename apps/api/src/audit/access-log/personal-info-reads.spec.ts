import {
  PersonalInfoReads,
  personalInfoReadsOf,
  takePersonalInfoReads,
} from './personal-info-reads';

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

describe('the reads of each GraphQL operation', () => {
  it('are kept per context object, so batched operations do not share them', () => {
    const request = {};
    const operation = Object.create(request) as object; // how Mercurius makes a batched operation's
    personalInfoReadsOf(request).add('case-a', 'name');
    personalInfoReadsOf(operation).add('case-b', 'idNumber');
    expect(takePersonalInfoReads(operation)).toEqual([{ caseId: 'case-b', fields: ['idNumber'] }]);
    expect(takePersonalInfoReads(request)).toEqual([{ caseId: 'case-a', fields: ['name'] }]);
    expect(takePersonalInfoReads({})).toEqual([]);
  });
});
