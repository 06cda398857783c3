import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { registry } from '@app/runtime/metrics/metrics';
import { CaseReadCache } from './case-read-cache';

/** The gauges read the cache of the app that started last (one per process, but specs start several). */
let current: CaseReadCache | undefined;

new Gauge({
  name: 'cases_case_cache_entries',
  help: 'Cases the case(id) read cache holds (at most CASE_CACHE_SIZE)',
  registers: [registry],
  collect() {
    this.set(current?.stats.size ?? 0);
  },
});

new Counter({
  name: 'cases_case_cache_hits_total',
  help: 'case(id) reads answered from the read cache',
  registers: [registry],
  collect() {
    this.reset();
    this.inc(current?.stats.hits ?? 0);
  },
});

new Counter({
  name: 'cases_case_cache_misses_total',
  help: 'case(id) reads that went to the read model (not cached, changed since, or cache off)',
  registers: [registry],
  collect() {
    this.reset();
    this.inc(current?.stats.misses ?? 0);
  },
});

/** Feeds the case cache's gauges on each scrape from CaseReadCache.stats (no per-read cost). */
@Injectable()
export class CaseReadCacheMetrics implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly cache: CaseReadCache) {}

  onModuleInit(): void {
    current = this.cache;
  }

  onModuleDestroy(): void {
    if (current === this.cache) current = undefined;
  }
}
