import { Client } from 'pg';
import type { ProjectorHolder, ProjectorLease, ProjectorLock } from '../read-model-store.port';
import { thisProcess } from '../projector/projector-holder';
import { PROJECTOR_LOCK } from './postgres-dialect';

/** application_name of the lock's connection: how other processes learn who holds it. */
const PREFIX = 'cases-projector:';
/** PostgreSQL keeps at most 63 bytes of application_name, and only printable ASCII. */
const applicationName = (name: string) =>
  `${PREFIX}${name}`.replace(/[^\x20-\x7e]/g, '?').slice(0, 63);

/** What the lock needs of its store: the schema migrated, and a query on the store's pool. */
export interface PostgresProjectorLockStore {
  ready: Promise<void>;
  query<T>(text: string): Promise<T[]>;
}

type HolderRow = { application_name: string; backend_start: Date | null; holder: string | null };

/**
 * A session-level advisory lock held on a connection of its own: PostgreSQL releases it when
 * that connection ends, cleanly or not (the process killed, its host gone once the keepalives
 * give up), and `lost` settles then so the holder stops writing. Whoever holds it is read from
 * pg_locks and pg_stat_activity (the connection's application_name and start), and in detail
 * from rm_projector_holder, which the holder writes on that connection once the lock is its own
 * (a row of another session, an earlier holder's, is ignored).
 */
export class PostgresProjectorLock implements ProjectorLock {
  constructor(
    private readonly connectionString: string,
    private readonly name: string,
    private readonly store: PostgresProjectorLockStore,
  ) {}

  /** The connection of the attempts while the lock is someone else's: kept for the next one. */
  private waiting: { client: Client; lost: Promise<void> } | undefined;
  private lease: ProjectorLease | undefined;

  async tryAcquire(): Promise<ProjectorLease | null> {
    await this.store.ready;
    const { client, lost } = this.waiting ?? (await this.connect());
    this.waiting = undefined;
    try {
      const { rows } = await client.query<{ held: boolean }>(
        'SELECT pg_try_advisory_lock($1) AS held',
        [PROJECTOR_LOCK],
      );
      if (!rows[0].held) {
        this.waiting = { client, lost };
        void lost.then(() => {
          if (this.waiting?.client === client) this.waiting = undefined;
        });
        return null;
      }
      const holder: ProjectorHolder = {
        name: this.name,
        since: new Date().toISOString(),
        ...thisProcess(),
      };
      await client.query(
        `INSERT INTO rm_projector_holder (id, backend_pid, holder) VALUES (1, pg_backend_pid(), $1)
         ON CONFLICT (id) DO UPDATE SET backend_pid = EXCLUDED.backend_pid, holder = EXCLUDED.holder`,
        [JSON.stringify(holder)],
      );
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    let released = false;
    const lease: ProjectorLease = {
      lost,
      // ending the session releases the lock
      release: async () => {
        if (released) return;
        released = true;
        if (this.lease === lease) this.lease = undefined;
        await client.end().catch(() => undefined);
      },
    };
    this.lease = lease;
    return lease;
  }

  async close(): Promise<void> {
    const waiting = this.waiting;
    this.waiting = undefined;
    await Promise.all([this.lease?.release(), waiting?.client.end().catch(() => undefined)]);
  }

  private async connect(): Promise<{ client: Client; lost: Promise<void> }> {
    const client = new Client({
      connectionString: this.connectionString,
      application_name: applicationName(this.name),
      keepAlive: true,
    });
    let lose!: () => void;
    const lost = new Promise<void>((resolve) => (lose = resolve));
    client.on('error', () => lose());
    client.on('end', () => lose());
    try {
      await client.connect();
      // a holder whose host vanished is noticed by the server within about 25 s
      await client.query(
        'SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3',
      );
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return { client, lost };
  }

  async holder(): Promise<ProjectorHolder | null> {
    const rows = await this.store.query<HolderRow>(
      `SELECT a.application_name, a.backend_start, h.holder
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         LEFT JOIN rm_projector_holder h ON h.backend_pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = ${PROJECTOR_LOCK}
         AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    if (rows.length === 0) return null;
    const { application_name: app, backend_start: since, holder } = rows[0];
    if (holder !== null) return JSON.parse(holder) as ProjectorHolder;
    // the holder has not written its row yet
    return {
      name: app.startsWith(PREFIX) ? app.slice(PREFIX.length) : app || '(unknown)',
      since: since ? since.toISOString() : null,
      pid: null,
      host: null,
      process: null,
    };
  }
}
