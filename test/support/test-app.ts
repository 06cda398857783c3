import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../apps/api/src/bootstrap';
import { loadConfig, type AppConfig } from '@app/runtime/config/app-config';
import type { RoleName } from '@app/runtime/auth/principal';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions?: { code?: string; fields?: { field: string }[] };
  }[];
}

/** The booted API on a temporary DATA_DIR, spoken to over HTTP exactly as a client would. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly config: AppConfig,
    readonly url: string,
    private readonly ownsDir: boolean,
  ) {}

  static async start(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
    const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'cases-e2e-'));
    const config = loadConfig({
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      AUTH_JWT_SECRET: 'e2e-secret-0123456789-abcdefghijklmn',
      ...env,
    });
    const app = await createApp(config);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    return new TestApp(app, config, `http://127.0.0.1:${address.port}`, !dataDir);
  }

  token(
    role: RoleName,
    regions: string[] = ['*'],
    extra: { sub?: string; agency?: string; expiresIn?: number } = {},
  ): string {
    const { sub = `${role.toLowerCase()}-1`, agency, expiresIn = 3600 } = extra;
    return jwt.sign({ sub, role, regions, ...(agency ? { agency } : {}) }, this.config.jwtSecret, {
      algorithm: 'HS256',
      expiresIn,
    });
  }

  async gql<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, ...body };
  }

  /**
   * Sets this app's clock to `instant` (ISO-8601), or back to the real time with null. `ticking`:
   * from `instant` on, as fast as real time (so what is recorded later is recorded later).
   */
  setNow(instant: string | null, { ticking = false } = {}): void {
    const clock = this.app.get<Clock>(CLOCK);
    const start = Date.now();
    const at = instant === null ? 0 : Date.parse(instant);
    clock.now =
      instant === null
        ? () => new Date()
        : ticking
          ? () => new Date(at + (Date.now() - start))
          : () => new Date(at);
  }

  async close(): Promise<void> {
    await this.app.close();
    if (this.ownsDir) rmSync(this.config.dataDir, { recursive: true, force: true });
  }

  get dataDir(): string {
    return this.config.dataDir;
  }
}

/** The first error code of a GraphQL answer (for refusals). */
export const codeOf = (response: GraphQLResponse<unknown>): string | undefined =>
  response.errors?.[0]?.extensions?.code;
