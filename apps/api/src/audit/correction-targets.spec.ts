import { childIdentified, event, riskAssessed } from '@app/domain/testing';
import { correctionTargetProblem } from './correction-targets';

const correction = (field: 'name' | 'idNumber' | 'birthDate') =>
  event('CaseCorrected', {
    field,
    from: 'a',
    to: 'b',
    reason: 'typo',
    correctsRevision: 0,
    correctedAt: '2026-03-01T10:00:00+08:00',
  });

const stream = [childIdentified(), riskAssessed(), correction('name'), correction('birthDate')].map(
  (e, revision) => ({ revision: BigInt(revision), ...e }),
);

describe('which event a correction may name', () => {
  it('names the identification for any field', () => {
    for (const field of ['name', 'idNumber', 'birthDate'])
      expect(correctionTargetProblem(stream, field, 0)).toBeNull();
  });

  it('names an earlier correction of the same field', () => {
    expect(correctionTargetProblem(stream, 'name', 2)).toBeNull();
    expect(correctionTargetProblem(stream, 'birthDate', 3)).toBeNull();
  });

  it('refuses an event that did not record the field', () => {
    expect(correctionTargetProblem(stream, 'name', 1)).toBe(
      'names an event that did not record name',
    );
    expect(correctionTargetProblem(stream, 'idNumber', 2)).toMatch(/did not record idNumber/);
  });

  it('refuses a revision the stream does not have', () => {
    expect(correctionTargetProblem(stream, 'name', 4)).toBe('is not a revision of this case');
  });

  it("leaves a malformed field or revision to the domain's own checks", () => {
    expect(correctionTargetProblem(stream, 'regionCode', 1)).toBeNull();
    expect(correctionTargetProblem(stream, 'name', -1)).toBeNull();
    expect(correctionTargetProblem(stream, 'name', 1.5)).toBeNull();
  });
});
