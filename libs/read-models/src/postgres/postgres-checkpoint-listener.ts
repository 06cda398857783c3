import type { Position } from '@app/event-store';
import { PostgresListener } from '@app/event-store/postgres/postgres-listener';
import type { CheckpointWatch, CheckpointWatchOptions } from '../read-model-store.port';
import { CHECKPOINT_CHANNEL } from './postgres-dialect';

/**
 * One LISTEN connection per process, kept open: the projector's NOTIFY (sent in the transaction
 * that moved the checkpoint) arrives here as that position. When the connection drops it
 * reconnects with backoff and reads the stored checkpoint again, for what it missed meanwhile.
 */
export class PostgresCheckpointListener implements CheckpointWatch {
  private readonly listener: PostgresListener;
  private last: Position | undefined;

  constructor(
    connectionString: string,
    stored: () => Promise<Position | null>,
    private readonly onAdvance: (position: Position) => void,
    private readonly options: CheckpointWatchOptions = {},
  ) {
    this.listener = new PostgresListener({
      connectionString,
      channel: CHECKPOINT_CHANNEL,
      applicationName: 'cases-checkpoint-listener',
      onNotification: (payload) => {
        if (payload) this.deliver(payload);
      },
      onListening: async (heard) => {
        const position = await stored();
        // a NOTIFY that came in meanwhile is as new as the stored checkpoint, or newer
        if (position !== null && !heard()) this.deliver(position);
      },
      onError: options.onError,
    });
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }

  /** Each position once: a re-read after (re)connecting may repeat what a NOTIFY just said. */
  private deliver(position: Position): void {
    if (position === this.last) return;
    this.last = position;
    try {
      this.onAdvance(position);
    } catch (error) {
      this.options.onError?.(error);
    }
  }
}
