import { statSync } from 'node:fs';
import { join } from 'node:path';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { APP_CONFIG, type AppConfig } from '@app/runtime/config/app-config';
import {
  ACCESS_LOG_STORE,
  type AccessLogStore,
} from '@app/runtime/audit/access-log/access-log.port';
import { isChainedAccessLog } from '@app/runtime/audit/access-chain';
import { signingKey } from '@app/runtime/config/audit-config';
import { writeCheckpoint, type CheckpointSources } from '@app/runtime/audit/checkpointer';
import { CHECKPOINT_FILE, signedCheckpoints, type Checkpoint } from '@app/runtime/audit/checkpoint';

/**
 * Signs the heads of the logs into AUDIT_CHECKPOINT_DIR: once at start, every
 * AUDIT_CHECKPOINT_INTERVAL_SECONDS while they grow, and a last time at shutdown (before the stores
 * close). One at a time; a failure is logged (positions only) and tried again at the next turn.
 */
@Injectable()
export class CheckpointService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CheckpointService.name);
  private readonly sources: CheckpointSources;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private read: { stamp: string; checkpoints: Checkpoint[] } = { stamp: '', checkpoints: [] };

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(ACCESS_LOG_STORE) accessLog: AccessLogStore,
  ) {
    this.sources = {
      store,
      accessLog: isChainedAccessLog(accessLog) ? accessLog : null,
      key: signingKey(config.audit, config.dataDir, true)!,
      dir: config.audit.checkpointDir,
      now: () => new Date(),
    };
  }

  onApplicationBootstrap(): void {
    void this.checkpoint();
    const every = this.config.audit.checkpointIntervalMs;
    if (every > 0) this.timer = setInterval(() => void this.checkpoint(), every).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checkpoint();
  }

  /** The checkpoints signed with the key, in file order (read again only when the file changed). */
  signed(): Checkpoint[] {
    let stamp = '';
    try {
      const { size, mtimeMs } = statSync(join(this.sources.dir, CHECKPOINT_FILE));
      stamp = `${size}:${mtimeMs}`;
    } catch {
      return [];
    }
    if (stamp !== this.read.stamp)
      this.read = { stamp, checkpoints: signedCheckpoints(this.sources.dir, this.sources.key) };
    return this.read.checkpoints;
  }

  /** Queues one checkpoint behind the one running, and resolves when it is written (or skipped). */
  checkpoint(): Promise<void> {
    this.running = this.running.then(async () => {
      try {
        const outcome = await writeCheckpoint(this.sources);
        if (!outcome.written && outcome.reason !== 'unchanged')
          this.logger.error(
            `no checkpoint written: ${outcome.reason} (run npm run history:verify)`,
          );
        if (outcome.written && outcome.brokenLinks.length > 0)
          this.logger.error(
            `stored links do not hold at positions ${outcome.brokenLinks.slice(0, 10).join(', ')} (run npm run history:verify)`,
          );
      } catch (error) {
        this.logger.warn(`checkpoint failed (${(error as Error)?.name ?? 'error'}); next turn`);
      }
    });
    return this.running;
  }
}
