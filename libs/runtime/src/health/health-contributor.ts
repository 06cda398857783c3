import type { Position } from '@app/event-store';

/** A part of the service that reports into GET /health (the projections, for instance). */
export interface HealthContributor {
  name: string;
  /** `headPosition` undefined: the event store could not be asked */
  health(
    headPosition: Position | null | undefined,
  ): Promise<{ status: 'ok' | 'failing'; [detail: string]: unknown }>;
}

export const HEALTH_CONTRIBUTORS = Symbol('HEALTH_CONTRIBUTORS');
