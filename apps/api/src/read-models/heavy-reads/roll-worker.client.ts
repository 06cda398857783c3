import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InvalidRollCursor } from './roll-pages';
import type { RollAsk, RollResponse, RollResult, RollWorkerData } from './roll-worker-protocol';

type Pending = { resolve: (result: RollResult) => void; reject: (error: Error) => void };

/** From TypeScript sources (tests, tools run without a build) the worker loads through SWC. */
function workerEntry(): { file: string; execArgv: string[] } {
  const ext = extname(__filename);
  const file = join(__dirname, `roll.worker${ext}`);
  if (ext !== '.ts') return { file, execArgv: [] };
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const register = join(dir, 'tools', 'swc-register.js');
    if (existsSync(register)) return { file, execArgv: ['-r', register] };
  }
  throw new Error('tools/swc-register.js not found above the sources');
}

/**
 * The roll worker thread (roll.worker.ts), started on first use: requests go out with an id and
 * come back in order. A worker that dies fails what it was doing; the next request starts another.
 */
export class RollWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly data: RollWorkerData) {}

  ask(request: RollAsk): Promise<RollResult> {
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const { file, execArgv } = workerEntry();
    const worker = new Worker(file, { workerData: this.data, execArgv });
    worker.unref(); // never what keeps the process alive
    worker.on('message', (response: RollResponse) => {
      const pending = this.pending.get(response.id);
      this.pending.delete(response.id);
      if (!pending) return;
      if (response.ok) pending.resolve(response.result);
      else pending.reject(errorOf(response.error));
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const pending of this.pending.values()) pending.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the roll worker stopped (exit ${code})`)));
    return worker;
  }
}

function errorOf(error: { name: string; message: string }): Error {
  if (error.name === 'InvalidRollCursor') return new InvalidRollCursor();
  return Object.assign(new Error(error.message), { name: error.name });
}
