import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { positionLag, PROJECTIONS, READ_MODEL_STORE, type ReadModelStore } from '@app/read-models';
import { registry } from '../metrics/metrics';
import { Projections } from './projections';

type Reading = { projection: string; events: number; lag: number | null }[];

type Source = { reading(): Promise<Reading>; failing(): boolean; leading(): boolean };

/** The gauges read the app that started last (one per process, but specs start several). */
let current: Source | undefined;

const read = async (): Promise<Reading> => {
  try {
    return (await current?.reading()) ?? [];
  } catch {
    return []; // a scrape during shutdown: report nothing rather than fail /metrics
  }
};

new Gauge({
  name: 'cases_projection_lag_events',
  help: "Events between a projection's stored checkpoint and the log's head (when countable)",
  labelNames: ['projection'],
  registers: [registry],
  async collect() {
    this.reset();
    for (const r of await read()) if (r.lag !== null) this.set({ projection: r.projection }, r.lag);
  },
});

new Gauge({
  name: 'cases_projection_events',
  help: 'Events a projection has processed since it was last built from the start',
  labelNames: ['projection'],
  registers: [registry],
  async collect() {
    this.reset();
    for (const r of await read()) this.set({ projection: r.projection }, r.events);
  },
});

new Gauge({
  name: 'cases_projections_failing',
  help: "1 when this process's projector stopped on an event it cannot handle",
  registers: [registry],
  collect() {
    this.set(current?.failing() ? 1 : 0);
  },
});

new Gauge({
  name: 'cases_projector_leading',
  help: '1 while this process holds the projector lock and projects',
  registers: [registry],
  collect() {
    this.set(current?.leading() ? 1 : 0);
  },
});

/** Feeds the projection gauges on each scrape, from the stored checkpoints (any process's). */
@Injectable()
export class ProjectionsMetrics implements OnModuleInit, OnModuleDestroy {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    private readonly projections: Projections,
  ) {}

  private readonly source: Source = {
    reading: () => this.reading(),
    failing: () => this.projections.failure() !== null,
    leading: () => this.projections.mode === 'in-process',
  };

  onModuleInit(): void {
    current = this.source;
  }

  onModuleDestroy(): void {
    if (current === this.source) current = undefined;
  }

  async reading(): Promise<Reading> {
    const [head, stored] = await Promise.all([
      this.events.headPosition(),
      this.store.checkpoints(),
    ]);
    return stored
      .filter((c) => (PROJECTIONS as readonly string[]).includes(c.projection))
      .map((c) => ({
        projection: c.projection,
        events: c.events,
        lag: positionLag(head, c.position),
      }));
  }
}
