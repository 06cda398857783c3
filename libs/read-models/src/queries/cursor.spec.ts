import { decodeCursor, encodeCursor, InvalidCursor } from './cursor';

describe('cursors', () => {
  it('round-trip a sort key through an opaque string', () => {
    const key = { value: '370303001001', caseId: '0a000000-0000-4000-8000-000000000001' };
    const cursor = encodeCursor(key);
    expect(cursor).not.toContain('370303');
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it('keep the cursors of the default order as they were', () => {
    const old = Buffer.from('["c1","370303001001","case-1"]').toString('base64url');
    expect(decodeCursor(old)).toEqual({ value: '370303001001', caseId: 'case-1' });
  });

  it('name their order: a cursor of one order is refused by a list in another', () => {
    const key = { value: '2026-03-01', caseId: 'case-1' };
    const cursor = encodeCursor(key, 'NEXT_VISIT_DUE');
    expect(decodeCursor(cursor, 'NEXT_VISIT_DUE')).toEqual(key);
    expect(() => decodeCursor(cursor, 'BIRTH_DATE')).toThrow(InvalidCursor);
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursor);
    expect(() => decodeCursor(encodeCursor(key), 'BIRTH_DATE')).toThrow(InvalidCursor);
  });

  it.each([
    '',
    'abc',
    Buffer.from('["c0","a","b"]').toString('base64url'),
    Buffer.from('["c2","BIRTH_DATE","a",1]').toString('base64url'),
    '%%%',
  ])('refuse %p', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(InvalidCursor);
    expect(() => decodeCursor(cursor, 'BIRTH_DATE')).toThrow(InvalidCursor);
  });
});
