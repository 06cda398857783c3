import { chainHash } from '../audit/hash-chain';
import { childIdentified, event, NOW } from '../testing/fixtures';
import type { BusinessMetadata } from '../shared/metadata';
import { personalFieldPaths, valueAt, withValuesAt } from './personal-fields';
import { OPENED, SEALED_FIELD, storedForm } from './sealed-form';

const metadata: BusinessMetadata = {
  actor: { id: 'director-1', role: 'CHILD_DIRECTOR' },
  occurredAt: NOW,
  recordedAt: NOW,
  correlationId: 'c-1',
  causationId: 'c-1',
};

describe('personal fields', () => {
  it('names the child, the guardian and free text of an identification', () => {
    const { type, data } = childIdentified({ sourceDetail: '12349 热线' });
    expect(personalFieldPaths(type, data)).toEqual([
      ['child', 'name'],
      ['child', 'idNumber'],
      ['guardian', 'name'],
      ['sourceDetail'],
    ]);
  });

  it('leaves out what holds no string (no guardian, no notes)', () => {
    const { type, data } = childIdentified({ guardian: null });
    expect(personalFieldPaths(type, data)).toEqual([
      ['child', 'name'],
      ['child', 'idNumber'],
    ]);
  });

  it('keeps a corrected birth date, seals a corrected name', () => {
    const base = { reason: 'typo', correctsRevision: 0, correctedAt: NOW };
    const birth = event('CaseCorrected', { field: 'birthDate', from: 'a', to: 'b', ...base });
    const name = event('CaseCorrected', { field: 'name', from: 'a', to: 'b', ...base });
    expect(personalFieldPaths(birth.type, birth.data)).toEqual([]);
    expect(personalFieldPaths(name.type, name.data)).toEqual([['from'], ['to']]);
  });

  it('sets values along paths without touching the original', () => {
    const { data } = childIdentified();
    const out = withValuesAt(data, [['child', 'name']], [null]);
    expect(valueAt(out, ['child', 'name'])).toBeNull();
    expect(valueAt(data, ['child', 'name'])).not.toBeNull();
  });
});

describe('the hash of sealed data', () => {
  const stored = {
    ...(withValuesAt(childIdentified().data, [['child', 'name']], [null]) as object),
    [SEALED_FIELD]: { v: 1, key: 1, paths: [['child', 'name']], box: 'ciphertext' },
  };
  const hash = (data: unknown) => chainHash({ type: 'ChildIdentified', data, metadata });

  it('is the same for the stored data and the same data opened', () => {
    const opened = { ...(withValuesAt(stored, [['child', 'name']], ['测试儿童甲']) as object) };
    Object.defineProperty(opened, OPENED, { value: true });
    expect(storedForm(opened)).toEqual(stored);
    expect(hash(opened)).toBe(hash(stored));
  });

  it('changes when a value is written into a sealed path of the stored data', () => {
    const forged = withValuesAt(stored, [['child', 'name']], ['伪造']);
    expect(hash(forged)).not.toBe(hash(stored));
  });

  it('changes when the ciphertext is edited', () => {
    const edited = { ...stored, [SEALED_FIELD]: { ...stored[SEALED_FIELD], box: 'other' } };
    expect(hash(edited)).not.toBe(hash(stored));
  });
});
