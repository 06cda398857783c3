import { Client } from 'pg';

const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5000;

export interface PostgresListenerOptions {
  connectionString: string;
  channel: string;
  /** shows in pg_stat_activity */
  applicationName: string;
  onNotification(payload: string): void;
  /**
   * LISTEN is in place, the first time or again after a lost connection: whatever was notified
   * while it was not may have been missed, so read the state again. `heard()` tells whether a
   * notification already came in on this connection (it is then as new as that read, or newer).
   */
  onListening(heard: () => boolean): void | Promise<void>;
  /** a lost connection or a failed callback; the listener carries on, reconnecting */
  onError?(error: unknown): void;
}

/**
 * One LISTEN connection, kept open: NOTIFYs sent in committed transactions arrive here. When the
 * connection drops it reconnects with backoff (100 ms doubling up to 5 s) and says so through
 * `onListening`, so nothing missed meanwhile stays missed.
 */
export class PostgresListener {
  private client: Client | undefined;
  private retryMs = FIRST_RETRY_MS;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: PostgresListenerOptions) {
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
    const { connectionString, applicationName, channel } = this.options;
    const client = new Client({
      connectionString,
      application_name: applicationName,
      keepAlive: true,
    });
    this.client = client;
    let heard = false;
    client.on('notification', (message) => {
      if (message.channel !== channel || this.client !== client) return;
      heard = true;
      this.guarded(() => this.options.onNotification(message.payload ?? ''));
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error(`LISTEN ${channel}: connection ended`)));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      if (this.client !== client) return;
      this.retryMs = FIRST_RETRY_MS;
      await this.options.onListening(() => heard);
    } catch (error) {
      this.lost(client, error);
    }
  }

  private guarded(callback: () => void): void {
    try {
      callback();
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
