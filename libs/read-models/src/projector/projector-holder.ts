import { hostname } from 'node:os';
import { basename } from 'node:path';
import type { ProjectorHolder } from '../read-model-store.port';

export type ProcessDetails = Pick<ProjectorHolder, 'pid' | 'host' | 'process'>;

/** This process as a projector lock records it beside the lock: pid, host, what it runs. */
export function thisProcess(): ProcessDetails {
  return {
    pid: process.pid,
    host: hostname(),
    process: process.env.npm_lifecycle_event || basename(process.argv[1] ?? 'node'),
  };
}

/** `process 4312 on host-a ("start", since 2026-12-06T01:02:03.000Z)`, or its name when unknown. */
export function describeHolder(holder: ProjectorHolder | null): string {
  if (holder === null) return 'another process';
  const since = holder.since ? `since ${holder.since}` : 'since a moment ago';
  if (holder.pid === null) return `${holder.name} (${since})`;
  return `process ${holder.pid} on ${holder.host} ("${holder.process}", ${since})`;
}
