import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../../apps/api/src/bootstrap';
import { loadConfig, type AppConfig } from '@app/runtime/config/app-config';

/** Fixed secrets, so the bench process can sign tokens for the server it starts. */
export const BENCH_ENV = {
  AUTH_JWT_SECRET: 'bench-jwt-secret-0123456789abcdef',
  IDENTITY_HMAC_KEY: 'bench-identity-key-0123456789abcdef',
  PERSONAL_DATA_KEY: 'fedcba9876543210'.repeat(4),
} as const;

export function benchConfig(dataDir: string, extra: Record<string, string> = {}): AppConfig {
  return loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...BENCH_ENV, ...extra });
}

/** The whole API in this process, initialised (its projector running, unless told otherwise) but not listening. */
export async function startInProcessApp(
  dataDir: string,
  env: Record<string, string> = {},
  /** settings no variable sets (the sealing figures' `personalDataSealing: false`) */
  overrides: Partial<AppConfig> = {},
): Promise<NestFastifyApplication> {
  const app = await createApp({ ...benchConfig(dataDir, env), ...overrides });
  await app.init();
  return app;
}
