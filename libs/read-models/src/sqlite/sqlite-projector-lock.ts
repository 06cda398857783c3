import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { PRIVATE_FILE_MODE, preparePrivateSqliteFile } from '@app/event-store/sqlite/private-files';
import type { ProjectorHolder, ProjectorLease, ProjectorLock } from '../read-model-store.port';
import { thisProcess } from '../projector/projector-holder';

/**
 * A lock file beside the read models (`<file>-projector.lock`, an SQLite database) held in an
 * open EXCLUSIVE transaction: another process's attempt is refused at once, and the operating
 * system drops the lock when the holder's process ends, however it ends. Who holds it is written
 * to `<file>-projector.holder` (the locked file cannot be read by others).
 */
export class SqliteProjectorLock implements ProjectorLock {
  private readonly lockFile: string;
  private readonly holderFile: string;
  private lease: ProjectorLease | undefined;

  constructor(
    filename: string,
    private readonly name: string,
  ) {
    this.lockFile = `${filename}-projector.lock`;
    this.holderFile = `${filename}-projector.holder`;
  }

  async tryAcquire(): Promise<ProjectorLease | null> {
    const db = this.attempt();
    if (db === null) return null;
    const holder: ProjectorHolder = {
      name: this.name,
      since: new Date().toISOString(),
      ...thisProcess(),
    };
    // written whole or not at all: a reader never sees half of it
    const temporary = `${this.holderFile}.${process.pid}`;
    writeFileSync(temporary, JSON.stringify(holder), { mode: PRIVATE_FILE_MODE });
    renameSync(temporary, this.holderFile);
    const lease: ProjectorLease = {
      lost: new Promise<void>(() => undefined), // a file lock lasts as long as the process
      release: async () => {
        if (!db.open) return;
        if (this.lease === lease) this.lease = undefined;
        rmSync(this.holderFile, { force: true });
        db.close();
      },
    };
    this.lease = lease;
    return lease;
  }

  async holder(): Promise<ProjectorHolder | null> {
    const db = this.attempt();
    if (db !== null) {
      db.close(); // it was free
      return null;
    }
    try {
      return JSON.parse(readFileSync(this.holderFile, 'utf8')) as ProjectorHolder;
    } catch {
      // the holder has not written it yet
      return { name: '(another process)', since: null, pid: null, host: null, process: null };
    }
  }

  /** Each attempt opens the lock file and closes it when refused: only a lease stays open. */
  async close(): Promise<void> {
    await this.lease?.release();
  }

  /** The lock file in an EXCLUSIVE transaction, or null when another process holds it. */
  private attempt(): Database.Database | null {
    preparePrivateSqliteFile(this.lockFile);
    const db = new Database(this.lockFile);
    try {
      db.pragma('busy_timeout = 0');
      db.exec('BEGIN EXCLUSIVE');
      return db;
    } catch (error) {
      db.close();
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
      throw error;
    }
  }
}
