import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port';
import { keepProcessLogs } from './process-logs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jwt from 'jsonwebtoken';
import WebSocket from 'ws';
import type { RoleName } from '@app/runtime/auth/principal';

const ROOT = resolve(__dirname, '..', '..');
export const SERVER_SECRET = 'process-e2e-secret-0123456789-abcdef';

/**
 * The API as its own process (TypeScript run through SWC, no build needed), for what only a real
 * process shows: SIGKILL, SIGTERM, memory, the log lines it writes.
 */
export class ServerProcess {
  private output = '';
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    readonly dataDir: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    keepProcessLogs(child, 'api');
    this.exited = new Promise((done) =>
      child.once('exit', (code, signal) => done({ code, signal })),
    );
  }

  static async start(
    options: { dataDir?: string; env?: Record<string, string>; inspect?: boolean } = {},
  ): Promise<ServerProcess> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cases-process-'));
    const port = await freePort();
    const flags = options.inspect ? ['--inspect=127.0.0.1:0'] : [];
    const child = spawn(
      process.execPath,
      [...flags, '-r', './tools/swc-register.js', 'apps/api/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          DATA_DIR: dataDir,
          HOST: '127.0.0.1',
          PORT: String(port),
          GRPC_PORT: String(await freePort()),
          AUTH_JWT_SECRET: SERVER_SECRET,
          LOG_LEVEL: 'info',
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`, dataDir);
    await server.waitUntilHealthy();
    return server;
  }

  /** Polls /health until it answers (start-up compiles TypeScript), failing if the process dies. */
  private async waitUntilHealthy(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let dead = false;
    void this.exited.then(() => (dead = true));
    for (let delay = 50; Date.now() < deadline; delay = Math.min(delay * 2, 500)) {
      if (dead) throw new Error(`server exited during start-up:\n${this.output.slice(-2000)}`);
      try {
        const response = await fetch(`${this.url}/health`);
        if (response.status === 200 || response.status === 503) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, delay));
    }
    throw new Error(`server not healthy after ${timeoutMs} ms:\n${this.output.slice(-2000)}`);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get logs(): string {
    return this.output;
  }

  token(role: RoleName, regions: string[] = ['*'], sub = `${role.toLowerCase()}-p`): string {
    return jwt.sign({ sub, role, regions }, SERVER_SECRET, { algorithm: 'HS256', expiresIn: 3600 });
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ) {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      ...((await response.json()) as {
        data: T | null;
        errors?: { extensions?: { code?: string } }[];
      }),
    };
  }

  /** A full garbage collection in the server, through its inspector (start it with `inspect: true`). */
  async collectGarbage(): Promise<void> {
    const url = /Debugger listening on (ws:\/\/\S+)/.exec(this.output)?.[1];
    if (!url) throw new Error('the server was not started with inspect: true');
    const socket = new WebSocket(url);
    await new Promise<void>((done, fail) => {
      socket.once('error', fail);
      socket.once('open', () =>
        socket.send(JSON.stringify({ id: 1, method: 'HeapProfiler.collectGarbage' })),
      );
      socket.on('message', (data: Buffer) => {
        if ((JSON.parse(data.toString()) as { id?: number }).id === 1) {
          socket.close();
          done();
        }
      });
    });
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  exit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }

  removeData(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
