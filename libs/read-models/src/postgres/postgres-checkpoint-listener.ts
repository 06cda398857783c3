import { Client } from 'pg';
import type { Position } from '@app/event-store';
import type { CheckpointWatch, CheckpointWatchOptions } from '../read-model-store.port';
import { CHECKPOINT_CHANNEL } from './postgres-dialect';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5000;

/**
 * One LISTEN connection per process, kept open: the projector's NOTIFY (sent in the transaction
 * that moved the checkpoint) arrives here as that position. When the connection drops it
 * reconnects with backoff and reads the stored checkpoint again, for what it missed meanwhile.
 */
export class PostgresCheckpointListener implements CheckpointWatch {
  private client: Client | undefined;
  private retryMs = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private last: Position | undefined;
  /** a NOTIFY arrived on this connection: it is as new as the re-read, or newer */
  private heard = false;

  constructor(
    private readonly connectionString: string,
    private readonly stored: () => Promise<Position | null>,
    private readonly onAdvance: (position: Position) => void,
    private readonly options: CheckpointWatchOptions = {},
  ) {
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.connectionString,
      application_name: 'cases-checkpoint-listener',
    });
    this.client = client;
    this.heard = false;
    client.on('notification', ({ channel, payload }) => {
      if (channel !== CHECKPOINT_CHANNEL || !payload || this.client !== client) return;
      this.heard = true;
      this.deliver(payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('checkpoint listener disconnected')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHECKPOINT_CHANNEL}`);
      if (this.client !== client) return;
      this.retryMs = FIRST_RETRY_MS;
      const position = await this.stored();
      if (position !== null && !this.heard && this.client === client) this.deliver(position);
    } catch (error) {
      this.lost(client, error);
    }
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

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return; // already handled, or stopped
    this.client = undefined;
    client.removeAllListeners('notification');
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.options.onError?.(error);
    this.timer = setTimeout(() => void this.connect(), this.retryMs);
    this.timer.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }
}
