import { positionLag } from './position-lag';

describe('positionLag', () => {
  it('counts the events between checkpoint and head in the embedded store', () => {
    expect(positionLag('120', '100')).toBe(20);
    expect(positionLag('120', null)).toBe(120);
    expect(positionLag('120', '120')).toBe(0);
    expect(positionLag(null, null)).toBe(0);
  });

  it('says only caught up or not for EventStoreDB positions', () => {
    expect(positionLag('C10/P10', 'C10/P10')).toBe(0);
    expect(positionLag('C12/P12', 'C10/P10')).toBeNull();
  });
});
