import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { BENCH_ENV } from './bench-app';
import { ChildServer, freePort, repoRoot } from './child-server';

/** The real server (main.ts, as `npm start` runs it) on `dataDir`, in its own process, on loopback. */
export async function startApiServer(
  dataDir: string,
  execArgv: string[] = [],
  env: Record<string, string> = {},
): Promise<{ server: ChildServer; url: string }> {
  const root = repoRoot();
  const built = join(root, 'dist', 'apps', 'api', 'src', 'main.js');
  const entry =
    extname(__filename) === '.ts' || !existsSync(built)
      ? join(root, 'apps', 'api', 'src', 'main.ts')
      : built;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = await ChildServer.start({
    name: 'API server',
    execArgv,
    entry,
    env: {
      ...BENCH_ENV,
      NODE_ENV: 'production',
      AUDIT_SIGNING_KEY: 'the-benchmark-audit-signing-key-0123456789',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      GRPC_PORT: String(await freePort()),
      EVENT_STORE: 'sqlite',
      READ_MODEL_STORE: 'sqlite',
      LOG_LEVEL: 'info',
      AUTH_JWT_ISSUER: '',
      AUTH_JWT_AUDIENCE: '',
      ...env,
    },
    // ready once /health answers 200 and the projections have caught up with the log
    ready: async () => {
      const response = await fetch(`${url}/health`);
      if (response.status !== 200) return false;
      const body = (await response.json()) as { projections?: { lag?: unknown } };
      const lag = body.projections?.lag;
      return lag === undefined || lag === null || Number(lag) === 0;
    },
  });
  return { server, url };
}
