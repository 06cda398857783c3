import { parseGuardianshipAct } from '../parse-guardianship-act';
import { fingerprintOf, idempotencyIdsOf, nameBasedUuid } from './idempotency-keys';
import { KeyedLock } from '../../command/keyed-lock';

const court = {
  id: 'court-1',
  role: 'COURT' as const,
  regions: [''],
  agency: '杭州市上城区人民法院',
};
const body = {
  act: 'GUARDIANSHIP_REVOKED',
  childIdNumber: '330102201001010012',
  docketNumber: '(2026)浙0102民特12号',
  decidedOn: '2026-03-01',
  effectiveOn: '2026-03-15',
};

describe('name-based event ids', () => {
  it('are RFC 9562 version 5 UUIDs', () => {
    // the RFC's own example: the DNS namespace and "www.example.com"
    expect(nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('are the same for an agency and key whoever sends them, and differ between agencies', () => {
    const ids = idempotencyIdsOf(court, 'k-1');
    expect(idempotencyIdsOf({ ...court, id: 'court-2' }, 'k-1')).toEqual(ids);
    expect(idempotencyIdsOf({ ...court, agency: '杭州市中级人民法院' }, 'k-1').eventId).not.toBe(
      ids.eventId,
    );
    expect(idempotencyIdsOf(court, 'k-2').eventId).not.toBe(ids.eventId);
  });

  it('name the key stream by a hash only', () => {
    const { keyStream } = idempotencyIdsOf(court, 'secret-document-7');
    expect(keyStream).toMatch(/^agency-key-[0-9a-f]{64}$/);
  });
});

describe('request fingerprints', () => {
  const fingerprint = (b: Record<string, unknown>) =>
    fingerprintOf(parseGuardianshipAct('k', b).request);

  it('ignore key order, explicit nulls and unknown members', () => {
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect(fingerprint({ ...reordered, notes: null, newGuardian: null, extra: 1 })).toBe(
      fingerprint(body),
    );
  });

  it('differ for any other value', () => {
    expect(fingerprint({ ...body, notes: '补充' })).not.toBe(fingerprint(body));
    expect(fingerprint({ ...body, effectiveOn: '2026-03-16' })).not.toBe(fingerprint(body));
  });
});

describe('KeyedLock', () => {
  it('runs tasks of one key one after another, and of other keys side by side', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const task = (name: string, ms: number) => () =>
      new Promise<string>((done) =>
        setTimeout(() => {
          log.push(name);
          done(name);
        }, ms),
      );
    const results = await Promise.all([
      lock.run('a', task('a1', 30)),
      lock.run('a', task('a2', 1)),
      lock.run('b', task('b1', 10)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log).toEqual(['b1', 'a1', 'a2']);
  });

  it('goes on after a failed task', async () => {
    const lock = new KeyedLock();
    await expect(lock.run('a', () => Promise.reject(new Error('refused')))).rejects.toThrow();
    await expect(lock.run('a', () => Promise.resolve('next'))).resolves.toBe('next');
  });
});
