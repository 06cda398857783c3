import { hostname } from 'node:os';
import { basename } from 'node:path';
import type { ProjectionHolder } from '../read-model-store.port';

/** This process, as another one is told of it: the npm script it runs, else its program. */
export function thisProcess(): ProjectionHolder {
  return {
    process: process.env.npm_lifecycle_event || basename(process.argv[1] ?? 'node'),
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
  };
}

/** `process 1234 on host-a ("start", since 2026-12-06T01:02:03.000Z)` */
export function describeHolder(holder: ProjectionHolder | null): string {
  if (holder === null) return 'another process (it is still starting)';
  return `process ${holder.pid} on ${holder.host} ("${holder.process}", since ${holder.since})`;
}
