import { Injectable } from '@nestjs/common';
import type { FastifyInstance, onRequestAbortHookHandler, onResponseHookHandler } from 'fastify';
import { appendRouteHook, isGraphQLRoute } from '../../http/route-hooks';
import type { Principal } from '@app/runtime/auth/principal';
import { FairQueue } from '../../auth/fair-queue';
import { principalKey } from '../../auth/rate-limits';

/** An operation of at least this cost is heavy: it waits for its turn (a page of ~30 cases with details). */
export const HEAVY_COST = 1000;
/** Heavy operations one principal may have waiting; past it: RATE_LIMITED. */
export const MAX_HEAVY_WAITING = 64;

/**
 * Heavy GraphQL operations run one at a time, taken in turn by principal (FairQueue), while light
 * ones (a case, a caseload) go straight through: fifty connections of `cases(first: 200)` queue
 * behind each other and keep the event loop to one of them at a time, so someone else's
 * `case(id)` waits for at most one. A turn ends when the operation is resolved, and at the latest
 * when its request is answered or abandoned.
 */
@Injectable()
export class HeavyTurns {
  private readonly queue = new FairQueue(1, MAX_HEAVY_WAITING);
  private readonly held = new WeakMap<object, (() => void)[]>();

  /** The safety net: turns still held when a request is answered or abandoned end then. */
  attach(fastify: FastifyInstance): void {
    const releaseAll = (raw: object) => {
      for (const release of this.held.get(raw) ?? []) release();
      this.held.delete(raw);
    };
    const onResponse: onResponseHookHandler = (request, _reply, done) => {
      releaseAll(request.raw);
      done();
    };
    const onAbort: onRequestAbortHookHandler = (request, done) => {
      releaseAll(request.raw);
      done();
    };
    fastify.addHook('onRoute', (route) => {
      if (!isGraphQLRoute(route)) return;
      appendRouteHook(route, 'onResponse', onResponse);
      appendRouteHook(route, 'onRequestAbort', onAbort);
    });
  }

  /** Waits for the turn; the returned function ends it (once, however often it is called). */
  async take(principal: Principal, request: object): Promise<() => void> {
    await this.queue.turn(principalKey(principal));
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      this.queue.release();
    };
    const list = this.held.get(request) ?? [];
    list.push(release);
    this.held.set(request, list);
    return release;
  }
}
