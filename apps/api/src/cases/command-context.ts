import { randomUUID } from 'node:crypto';
import { authorize, type Action } from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import type { CommandEnvelope } from '../command/command-path';
import { Forbidden } from '@app/runtime/errors/app-errors';

/** What every command carries from its request: who, and the correlation id. */
export interface CommandContext {
  principal: Principal;
  correlationId: string;
}

export function envelopeFor(
  ctx: CommandContext,
  occurredAt: CommandEnvelope['occurredAt'],
  causationId?: string,
): CommandEnvelope {
  return {
    principal: ctx.principal,
    correlationId: ctx.correlationId,
    causationId: causationId ?? randomUUID(),
    occurredAt,
  };
}

export function actorOf(principal: Principal): {
  id: string;
  role: Principal['role'];
  agency?: string;
} {
  return {
    id: principal.id,
    role: principal.role,
    ...(principal.agency ? { agency: principal.agency } : {}),
  };
}

/** Role first (no need to look anything up), then the region of what is touched. */
export function assertAllowed(
  principal: Principal,
  action: Action,
  ...regionCodes: string[]
): void {
  const codes = regionCodes.length ? regionCodes : [undefined];
  for (const code of codes) {
    const decision = authorize(principal, action, code);
    if (!decision.allowed) {
      throw new Forbidden(
        decision.reason === 'ROLE'
          ? `role ${principal.role} may not ${action}`
          : 'outside your regions',
      );
    }
  }
}
