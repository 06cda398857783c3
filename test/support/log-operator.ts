import { execFile } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { chainHash, type BusinessMetadata } from '@app/domain';
import { LOG_CHAIN_GENESIS, logLink, rowDigest } from '@app/event-store';
import { ACCESS_CHAIN_GENESIS, accessLink } from '@app/runtime/audit/access-chain';

const ROOT = join(__dirname, '..', '..');

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A tool of tools/ as `npm run` runs it, without the build (the SWC register hook). */
export function runTool(
  tool: string,
  env: Record<string, string>,
  args: string[] = [],
): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', './tools/swc-register.js', `tools/${tool}.ts`, ...args],
      { cwd: ROOT, env: { ...process.env, ...env } },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** One stored event as the operator sees it in a table. */
export interface EventRowOnDisk {
  position: number;
  id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  log_hash: string | null;
}

/**
 * The per-stream hash chain of `rows` (one stream, by revision) recomputed as the command path
 * computes it: what an operator who read the code does after editing an event.
 */
export function rechained(rows: EventRowOnDisk[]): EventRowOnDisk[] {
  let previous: string | undefined;
  return rows.map((row) => {
    const metadata = JSON.parse(row.metadata) as BusinessMetadata & {
      hash?: string;
      previousHash?: string;
    };
    const hash = chainHash({
      type: row.type,
      data: JSON.parse(row.data),
      metadata,
      previousHash: previous,
    });
    const next = { ...metadata, hash, previousHash: previous };
    if (previous === undefined) delete next.previousHash;
    previous = hash;
    return { ...row, metadata: JSON.stringify(next) };
  });
}

/** Positions made gap-free again and every global link recomputed, in the rows' order. */
export function relinked(rows: EventRowOnDisk[]): EventRowOnDisk[] {
  let link = LOG_CHAIN_GENESIS;
  return rows.map((row, i) => {
    const position = i + 1;
    link = logLink(
      link,
      String(position),
      row.stream_id,
      rowDigest({ ...row, revision: BigInt(row.revision), recordedAt: row.recorded_at }),
    );
    return { ...row, position, log_hash: link };
  });
}

/** An operator with the SQLite file of the events (the server stopped), and the code to read. */
export class SqliteOperator {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'events.sqlite'));
  }

  rows(where = '1 = 1', ...params: unknown[]): EventRowOnDisk[] {
    return this.db
      .prepare(`SELECT * FROM events WHERE ${where} ORDER BY position`)
      .all(...params) as EventRowOnDisk[];
  }

  run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params).changes;
  }

  /** Writes `rows` as the whole table: what the log then holds, in that order. */
  replaceAll(rows: EventRowOnDisk[]): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM events').run();
      const insert = this.db.prepare(
        `INSERT INTO events (position, id, stream_id, revision, type, data, metadata, recorded_at, log_hash)
         VALUES (@position, @id, @stream_id, @revision, @type, @data, @metadata, @recorded_at, @log_hash)`,
      );
      for (const row of rows) insert.run(row);
    })();
  }

  /**
   * The whole table rewritten through `change` (a list of rows in log order), then every stream
   * it touched re-chained and the log re-linked: a tampering that leaves every stored hash right.
   */
  rewrite(change: (rows: EventRowOnDisk[]) => EventRowOnDisk[], streams: string[]): void {
    const changed = change(this.rows());
    const byStream = new Map<string, EventRowOnDisk>();
    for (const stream of streams)
      for (const row of rechained(changed.filter((r) => r.stream_id === stream)))
        byStream.set(row.id, row);
    this.replaceAll(relinked(changed.map((row) => byStream.get(row.id) ?? row)));
  }

  close(): void {
    this.db.close();
  }
}

/** An operator with the access log's SQLite file. */
export class AccessLogOperator {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    this.db = new Database(join(dataDir, 'access-log.sqlite'));
  }

  run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params).changes;
  }

  /** Seqs made gap-free again and every link recomputed. */
  relink(): void {
    const rows = this.db.prepare('SELECT * FROM access_reads ORDER BY seq').all() as ({
      seq: number;
    } & Parameters<typeof accessLink>[2])[];
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM access_reads').run();
      const insert = this.db.prepare(
        `INSERT INTO access_reads (seq, at, actor_id, actor_role, actor_agency, correlation_id, case_id, fields, log_hash)
         VALUES (@seq, @at, @actor_id, @actor_role, @actor_agency, @correlation_id, @case_id, @fields, @log_hash)`,
      );
      let link = ACCESS_CHAIN_GENESIS;
      rows.forEach((row, i) => {
        link = accessLink(link, i + 1, row);
        insert.run({ ...row, seq: i + 1, log_hash: link });
      });
    })();
  }

  close(): void {
    this.db.close();
  }
}
