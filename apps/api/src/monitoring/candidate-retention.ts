import {
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import type { MonitoringPolicy } from '@app/domain';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { MONITORING_POLICY } from '@app/runtime/config/policy';
import { CANDIDATE_STORE, type CandidateStore } from './candidates/candidate-store.port';

const HOURLY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * "candidates not acted on are erased after a retention period in policy data (default 90 days)",
 * counted from the last import that listed the child. Runs after every import, before every
 * list of candidates, and every hour. The period is the configured policy's (POLICY_FILE).
 */
@Injectable()
export class CandidateRetention implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CandidateRetention.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(CANDIDATE_STORE) private readonly candidates: CandidateStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MONITORING_POLICY) private readonly policy: MonitoringPolicy,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: Error) =>
        this.logger.warn(`candidate retention sweep failed (${error?.name ?? 'error'})`),
      );
    }, HOURLY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    const days = this.policy.candidateRetentionDays;
    const cutoff = new Date(this.clock.now().getTime() - days * DAY_MS);
    const erased = await this.candidates.eraseSeenBefore(cutoff.toISOString());
    if (erased > 0) this.logger.log(`erased ${erased} identification candidates past retention`);
    return erased;
  }
}
