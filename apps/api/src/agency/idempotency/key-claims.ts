import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { CommandPath } from '../../command/command-path';
import type { Decider } from '@app/domain';
import { envelopeFor, type CommandContext } from '../../cases/command-context';

/** What an idempotency key was first used for. */
export interface KeyClaim {
  caseId: string;
  eventId: string;
  fingerprint: string;
}

type KeyClaimed = { type: 'IdempotencyKeyClaimed'; data: KeyClaim };
type ClaimKey = { type: 'ClaimKey'; claim: KeyClaim };

/** The first claim of a key stands for ever; claiming again changes nothing. */
const keyClaimDecider: Decider<KeyClaim | null, ClaimKey, KeyClaimed> = {
  initialState: () => null,
  evolve: (state, event) => state ?? event.data,
  decide: (command, state) =>
    state === null ? [{ type: 'IdempotencyKeyClaimed', data: command.claim }] : [],
};

/**
 * The durable half of the agency API's idempotency: one small stream per (agency, key), written
 * once through the command path with optimistic concurrency. Two requests racing on one key
 * cannot both claim it: the loser's append conflicts, its retry folds the winner's claim and
 * decides nothing, and it gets the winner's claim back to compare with its own.
 */
@Injectable()
export class KeyClaims {
  constructor(
    private readonly path: CommandPath,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async find(keyStream: string): Promise<KeyClaim | null> {
    return (await this.path.load(keyStream, keyClaimDecider)).state;
  }

  /** Claims the key, or returns the claim that got there first. */
  async claim(keyStream: string, claim: KeyClaim, ctx: CommandContext): Promise<KeyClaim> {
    const outcome = await this.path.run(
      keyStream,
      keyClaimDecider,
      { type: 'ClaimKey', claim },
      envelopeFor(ctx, this.clock.now().toISOString()),
    );
    return outcome.state ?? claim;
  }
}
