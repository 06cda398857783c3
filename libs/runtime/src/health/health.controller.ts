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
    const eventStore = await this.eventStore();
    const head = eventStore.status === 'ok' ? eventStore.headPosition : undefined;
    const parts = await Promise.all(
      this.contributors.map(async (c) => [c.name, await this.part(c, head)] as const),
    );
    const failing = eventStore.status !== 'ok' || parts.some(([, part]) => part.status !== 'ok');
    reply.status(failing ? 503 : 200);
    return { status: failing ? 'degraded' : 'ok', eventStore, ...Object.fromEntries(parts) };
  }

  /** The store's head, or why it cannot be read (a store unreachable: its error names no row). */
  private async eventStore() {
    try {
      return { status: 'ok' as const, headPosition: await this.store.headPosition() };
    } catch (error) {
      return { status: 'failing' as const, error: errorText(error) };
    }
  }

  private async part(contributor: HealthContributor, head: string | null | undefined) {
    try {
      return await contributor.health(head);
    } catch (error) {
      return { status: 'failing' as const, error: errorText(error) };
    }
  }
}

/** The kind of error and what the store's driver said (hosts, states), never a stack. */
const errorText = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
