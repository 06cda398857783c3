import { OPENED, SEALED_FIELD, chainHash, type BusinessMetadata } from '@app/domain';
import { KeyWrap } from './master-key';
import { PersonalDataSealer } from './personal-data-sealer';
import { SqlitePersonalDataKeys } from './sqlite/sqlite-personal-data-keys';

const data = {
  caseId: 'c-1',
  child: { name: '甄测试涵', idNumber: '330102201203045172' },
  guardian: { kind: 'RELATIVE', name: '甄测试监护', relation: 'grandmother' },
  sourceDetail: null,
  regionCode: '330102001001',
};
const metadata: BusinessMetadata = {
  actor: { id: 'a', role: 'ADMIN' },
  occurredAt: '2026-01-01T00:00:00Z',
  recordedAt: '2026-01-01T00:00:00Z',
  correlationId: 'c',
  causationId: 'c',
};
const hash = (d: unknown) => chainHash({ type: 'ChildIdentified', data: d, metadata });

describe('PersonalDataSealer', () => {
  let keys: SqlitePersonalDataKeys;
  let sealer: PersonalDataSealer;
  beforeEach(() => {
    keys = new SqlitePersonalDataKeys(':memory:');
    sealer = new PersonalDataSealer(keys, new KeyWrap(Buffer.alloc(32, 3)));
  });
  afterEach(() => sealer.close());

  it('stores nulls and a box, opens them again, and hashes both alike', async () => {
    const stored = (await sealer.seal('case-c-1', 'ChildIdentified', data)) as typeof data;
    expect(JSON.stringify(stored)).not.toMatch(/甄测试|330102201203045172/);
    expect(stored.child).toEqual({ name: null, idNumber: null });
    expect(stored.regionCode).toBe('330102001001');
    const opened = await sealer.open({ streamId: 'case-c-1', data: stored });
    expect(JSON.parse(JSON.stringify(opened.data))).toEqual({
      ...data,
      [SEALED_FIELD]: (stored as Record<string, unknown>)[SEALED_FIELD],
    });
    expect(OPENED in (opened.data as object)).toBe(true);
    expect(hash(opened.data)).toBe(hash(stored));
  });

  it('leaves events without personal information as they are', async () => {
    const visit = { visitedAt: '2026-01-01T00:00:00Z', notes: null };
    expect(await sealer.seal('case-c-1', 'VisitRecorded', visit)).toBe(visit);
    expect(await keys.all()).toEqual([]);
  });

  it('opens nothing once the key is destroyed, not even in the process that had it', async () => {
    const stored = await sealer.seal('case-c-1', 'ChildIdentified', data);
    await sealer.destroy('case-c-1');
    const read = await sealer.open({ streamId: 'case-c-1', data: stored });
    expect(read.data).toBe(stored);
    expect((read.data as typeof data).child.name).toBeNull();
  });

  it('does not open a box moved to another stream, nor one whose fields were written over', async () => {
    const stored = (await sealer.seal('case-c-1', 'ChildIdentified', data)) as typeof data;
    await sealer.seal('case-c-2', 'ChildIdentified', data);
    const moved = await sealer.open({ streamId: 'case-c-2', data: stored });
    expect(moved.data).toBe(stored);
    const forged = { ...stored, child: { name: '伪造', idNumber: null } };
    const read = await sealer.open({ streamId: 'case-c-1', data: forged });
    expect(read.data).toBe(forged);
    expect(hash(read.data)).not.toBe(hash(stored));
  });

  it('refuses to read on with the wrong master key rather than read names as erased', async () => {
    const stored = await sealer.seal('case-c-1', 'ChildIdentified', data);
    const wrong = new PersonalDataSealer(keys, new KeyWrap(Buffer.alloc(32, 4)));
    await expect(wrong.open({ streamId: 'case-c-1', data: stored })).rejects.toThrow(
      /PERSONAL_DATA_KEY does not open/,
    );
  });
});
