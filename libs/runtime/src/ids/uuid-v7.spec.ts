import { UuidV7Generator, uuidv7 } from './uuid-v7';

describe('version 7 UUIDs', () => {
  it('are RFC 9562 version 7 with the RFC 4122 variant, the time in the first 48 bits', () => {
    const id = uuidv7(0x0123456789ab, 5);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id.replaceAll('-', '').slice(0, 16)).toBe('0123456789ab7005');
  });

  it('come strictly increasing from a generator, within one millisecond and across them', () => {
    let now = 1_700_000_000_000;
    const ids = new UuidV7Generator(() => now);
    const minted = [ids.next(), ids.next(), ids.next()];
    now += 1;
    minted.push(ids.next());
    now -= 10; // a clock stepping back does not break the order
    minted.push(ids.next());
    expect([...minted].sort()).toEqual(minted);
    expect(new Set(minted).size).toBe(minted.length);
  });
});
