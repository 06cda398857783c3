import { decodeCursor, encodeCursor, InvalidCursor } from './cursor';

describe('cursors', () => {
  it('round-trip a sort key through an opaque string', () => {
    const key = { regionCode: '370303001001', caseId: '0a000000-0000-4000-8000-000000000001' };
    const cursor = encodeCursor(key);
    expect(cursor).not.toContain('370303');
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it.each(['', 'abc', Buffer.from('["c0","a","b"]').toString('base64url'), '%%%'])(
    'refuse %p',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(InvalidCursor);
    },
  );
});
