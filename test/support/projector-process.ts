import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port';
import { keepProcessLogs } from './process-logs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** apps/projector as its own process (TypeScript through SWC, no build), as a deployment runs it. */
export class ProjectorProcess {
  private output = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    keepProcessLogs(child, 'projector');
    this.exited = new Promise((done) =>
      child.once('exit', (code, signal) => done({ code, signal })),
    );
  }

  static async start(env: Record<string, string>): Promise<ProjectorProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', './tools/swc-register.js', 'apps/projector/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          HOST: '127.0.0.1',
          PORT: String(port),
          LOG_LEVEL: 'info',
          PROJECTIONS: 'internal',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const projector = new ProjectorProcess(child, `http://127.0.0.1:${port}`);
    await projector.waitUntilListening();
    return projector;
  }

  get logs(): string {
    return this.output;
  }

  get pid(): number {
    return this.child.pid!;
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  exit(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return this.exited;
  }

  async health(): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.url}/health`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async metrics(): Promise<string> {
    return (await fetch(`${this.url}/metrics`)).text();
  }

  /** SIGTERM, then the exit it made. */
  async stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  private async waitUntilListening(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let dead = false;
    void this.exited.then(() => (dead = true));
    for (let delay = 50; Date.now() < deadline; delay = Math.min(delay * 2, 500)) {
      if (dead) throw new Error(`projector exited during start-up:\n${this.output.slice(-2000)}`);
      try {
        await this.health();
        return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, delay));
    }
    this.child.kill('SIGKILL');
    throw new Error(`projector not listening after ${timeoutMs} ms:\n${this.output.slice(-2000)}`);
  }
}
