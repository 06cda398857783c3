import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { RoleName } from '@app/runtime/auth/principal';
import { MUTATIONS, type CommandResultShape, type MutationName } from './cases-api';
import { ProjectorProcess } from './projector-process';
import { SERVER_SECRET, ServerProcess } from './server-process';

export type Health = {
  status: string;
  eventStore: { status: string; headPosition: string | null };
  projections: {
    status: string;
    runner: string;
    leader: { name: string; since: string | null } | null;
    checkpoint: string | null;
    lag: number | null;
  };
};

/** Waits for `check` to hold, asking again every 50 ms; fails after `ms` with what it saw last. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms (${String(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Several api processes and apps/projector processes on one PostgreSQL database (events, read
 * models and access log), as a deployment that scales out runs them.
 */
export class Cluster {
  readonly apis: ServerProcess[] = [];
  readonly projectors: ProjectorProcess[] = [];
  /** where each process gets a DATA_DIR of its own (nothing is kept there on PostgreSQL) */
  readonly dir = mkdtempSync(join(tmpdir(), 'cluster-'));

  constructor(readonly databaseUrl: string) {}

  get env(): Record<string, string> {
    return {
      EVENT_STORE: 'postgres',
      READ_MODEL_STORE: 'postgres',
      DATABASE_URL: this.databaseUrl,
      IDENTITY_HMAC_KEY: 'cluster-identity-key-0123456789abcdef',
      PERSONAL_DATA_KEY: '0123456789abcdef'.repeat(4),
      AUTH_JWT_SECRET: SERVER_SECRET,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MUTATIONS_PER_MINUTE: '1000000',
      RATE_LIMIT_AGENCY_PER_MINUTE: '1000000',
    };
  }

  async start(apis: number, projectors: number): Promise<void> {
    await Promise.all([
      ...Array.from({ length: apis }, () => this.startApi()),
      ...Array.from({ length: projectors }, async (_, i) => {
        const env = { ...this.env, DATA_DIR: join(this.dir, `projector-${i}`) };
        this.projectors[i] = await ProjectorProcess.start(env);
      }),
    ]);
  }

  /** One more api process (PROJECTIONS=external unless `env` says otherwise). */
  async startApi(env: Record<string, string> = {}): Promise<ServerProcess> {
    const index = this.apis.length;
    this.apis.push(undefined as never); // its place, whatever order the starts finish in
    const dataDir = join(this.dir, `api-${index}`);
    const api = await ServerProcess.start({
      dataDir,
      env: { ...this.env, PROJECTIONS: 'external', ...env },
    });
    this.apis[index] = api;
    return api;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apis, ...this.projectors].map((p) => p?.stop()));
    rmSync(this.dir, { recursive: true, force: true });
  }

  token(role: RoleName, extra: { agency?: string; regions?: string[] } = {}): string {
    const { agency, regions = ['*'] } = extra;
    const claims = {
      sub: `${role.toLowerCase()}-cluster`,
      role,
      regions,
      ...(agency && { agency }),
    };
    return jwt.sign(claims, SERVER_SECRET, { algorithm: 'HS256', expiresIn: 3600 });
  }

  async health(api: ServerProcess): Promise<Health> {
    return (await (await fetch(`${api.url}/health`)).json()) as Health;
  }

  /** The projector process that holds the lock, as an api's /health names it. */
  async leader(api: ServerProcess): Promise<ProjectorProcess | undefined> {
    const name = (await this.health(api)).projections.leader?.name ?? '';
    return this.projectors.find((p) => name.startsWith(`projector ${p.pid}@`));
  }

  async mutate(
    api: ServerProcess,
    name: MutationName,
    input: Record<string, unknown>,
    token: string,
  ): Promise<{ result?: CommandResultShape; code?: string }> {
    const answer = await api.gql<Record<string, CommandResultShape>>(
      MUTATIONS[name],
      { input },
      token,
    );
    if (answer.data?.[name]) return { result: answer.data[name] };
    return { code: answer.errors?.[0]?.extensions?.code ?? `HTTP ${answer.status}` };
  }

  async mustMutate(
    api: ServerProcess,
    name: MutationName,
    input: Record<string, unknown>,
    token: string,
  ): Promise<CommandResultShape> {
    const { result, code } = await this.mutate(api, name, input, token);
    if (!result) throw new Error(`${name} on ${api.url}: ${code}`);
    return result;
  }

  async postAct(
    api: ServerProcess,
    key: string,
    body: Record<string, unknown>,
    token: string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${api.url}/agency/v1/guardianship-acts`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'idempotency-key': key,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }
}
