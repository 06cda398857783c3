import { CheckpointSignal, type ReadModelQueries } from '@app/read-models';
import type { Clock } from '@app/runtime/clock/clock';
import type { Projections } from '@app/runtime/projections/projections';
import { RequestReadsProvider } from './request-reads';

function providerAt(clock: { at: string }): RequestReadsProvider {
  const timeline: Clock = { now: () => new Date(clock.at) };
  const projections = { signal: new CheckpointSignal() } as unknown as Projections;
  return new RequestReadsProvider({} as ReadModelQueries, timeline, projections);
}

describe('RequestReadsProvider.today', () => {
  it('is the business date in China Standard Time, across midnight in both directions', () => {
    const clock = { at: '2026-03-01T15:59:59.999Z' };
    const reads = providerAt(clock);
    expect(reads.today()).toBe('2026-03-01');
    clock.at = '2026-03-01T16:00:00.000Z'; // midnight in Beijing
    expect(reads.today()).toBe('2026-03-02');
    clock.at = '2026-03-02T15:59:59.999Z';
    expect(reads.today()).toBe('2026-03-02');
    clock.at = '2026-03-01T15:59:59.999Z'; // a clock set back (a test clock, an NTP step)
    expect(reads.today()).toBe('2026-03-01');
    clock.at = '2028-02-28T16:00:00.000Z';
    expect(reads.today()).toBe('2028-02-29');
  });

  it('gives each request the date of the moment its reads began', () => {
    const clock = { at: '2026-12-31T15:59:00Z' };
    const reads = providerAt(clock);
    const context = {};
    expect(reads.of(context).today).toBe('2026-12-31');
    clock.at = '2026-12-31T16:01:00Z';
    expect(reads.of(context).today).toBe('2026-12-31');
    expect(reads.of({}).today).toBe('2027-01-01');
  });
});
