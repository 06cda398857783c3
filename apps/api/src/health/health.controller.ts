import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { HEALTH_CONTRIBUTORS, type HealthContributor } from './health-contributor';

/** GET /health: 200 while everything reports ok, 503 when a part is failing (e.g. a stopped projection). */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(HEALTH_CONTRIBUTORS) private readonly contributors: HealthContributor[],
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, unknown>> {
    const head = await this.store.headPosition();
    const parts = await Promise.all(
      this.contributors.map(async (c) => [c.name, await c.health(head)] as const),
    );
    const failing = parts.some(([, part]) => part.status !== 'ok');
    reply.status(failing ? 503 : 200);
    return {
      status: failing ? 'degraded' : 'ok',
      eventStore: { status: 'ok', headPosition: head },
      ...Object.fromEntries(parts),
    };
  }
}
