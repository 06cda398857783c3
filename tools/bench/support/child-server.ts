import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, extname, join } from 'node:path';

/** The repository root (the folder with package.json), from dist/ or from source alike. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + from);
    dir = parent;
  }
  return dir;
}

/** Node arguments that run `entry`: built JavaScript as is, TypeScript through tools/swc-register.js. */
export function nodeArgs(entry: string): string[] {
  return extname(entry) === '.ts'
    ? ['-r', join(repoRoot(), 'tools', 'swc-register.js'), entry]
    : [entry];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// a bench that dies (an uncaught error, a library calling process.exit) takes its servers along
const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/** A server in its own process (loopback only), stopped with SIGTERM, measured from /proc. */
export class ChildServer {
  private stderrTail = '';
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail = (this.stderrTail + chunk.toString()).slice(-4000);
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      }),
    );
  }

  /** Starts `entry` with `env` (stdout discarded: the server's request log goes nowhere but is still written). */
  static async start(options: {
    name: string;
    entry: string;
    env: Record<string, string>;
    /** Node options before the entry, e.g. --cpu-prof */
    execArgv?: string[];
    ready: () => Promise<boolean>;
    timeoutMs?: number;
  }): Promise<ChildServer> {
    const child = spawn(
      process.execPath,
      [...(options.execArgv ?? []), ...nodeArgs(options.entry)],
      {
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    running.add(child);
    child.once('exit', () => running.delete(child));
    const server = new ChildServer(options.name, child);
    const deadline = Date.now() + (options.timeoutMs ?? 120_000);
    while (Date.now() < deadline) {
      if (server.exitCode !== undefined)
        throw new Error(
          `${options.name} exited (${server.exitCode}) while starting:\n${server.stderrTail}`,
        );
      if (await options.ready().catch(() => false)) return server;
      await sleep(100);
    }
    await server.stop();
    throw new Error(`${options.name} was not ready in time:\n${server.stderrTail}`);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Peak resident set size so far (Linux VmHWM), in MiB; null where /proc is not there. */
  peakRssMb(): number | null {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
      return match ? Number(match[1]) / 1024 : null;
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.child.kill('SIGTERM');
    const killed = await Promise.race([
      this.exited.then(() => true),
      sleep(20_000).then(() => false),
    ]);
    if (!killed) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}
