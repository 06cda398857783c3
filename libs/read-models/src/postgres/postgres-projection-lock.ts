import { Client } from 'pg';
import type { ProjectionClaim, ProjectionHolder, ProjectionLease } from '../read-model-store.port';

/** The advisory lock of the read models' projector (per database: any constant will do). */
const LOCK_KEY = '7301190001';
const NAME_PREFIX = 'cases-projector ';

/**
 * One projector per PostgreSQL read-model database, across hosts: a session advisory lock
 * (`pg_try_advisory_lock`, which answers at once) on a connection of its own, held while the
 * lease lives; the server lets it go when the session ends. The holder is told by the session's
 * application_name, which pg_stat_activity shows to the next claimant.
 */
export async function claimPostgresProjection(
  connectionString: string,
  holder: ProjectionHolder,
): Promise<ProjectionClaim> {
  const client = new Client({ connectionString, application_name: applicationName(holder) });
  await client.connect();
  let connected = true;
  const lost = new Promise<void>((resolve) => {
    client.on('error', () => resolve());
    client.on('end', () => resolve());
  });
  lost.then(
    () => (connected = false),
    () => undefined,
  );
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1::bigint) AS locked',
      [LOCK_KEY],
    );
    if (!rows[0].locked) {
      const heldBy = await holderOf(client);
      await client.end();
      return { heldBy };
    }
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  let released = false;
  const lease: ProjectionLease = {
    holder,
    lost,
    release: async () => {
      if (released) return;
      released = true;
      if (connected) await client.end().catch(() => undefined); // ending the session unlocks
    },
  };
  return { lease };
}

async function holderOf(client: Client): Promise<ProjectionHolder | null> {
  const { rows } = await client.query<{ name: string; started: Date }>(
    `SELECT a.application_name AS name, a.backend_start AS started
       FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
        AND ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint`,
    [LOCK_KEY],
  );
  return rows.length === 0 ? null : parseName(rows[0].name, rows[0].started);
}

/** `cases-projector <pid> <process>@<host>`, cut to the 63 bytes PostgreSQL keeps. */
function applicationName(holder: ProjectionHolder): string {
  return `${NAME_PREFIX}${holder.pid} ${holder.process}@${holder.host}`.slice(0, 63);
}

function parseName(name: string, started: Date): ProjectionHolder | null {
  const match = /^cases-projector (\d+) (.*)@(.*)$/.exec(name);
  if (!match) return null;
  return { pid: Number(match[1]), process: match[2], host: match[3], since: started.toISOString() };
}
