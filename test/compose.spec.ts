import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { loadConfig } from '@app/runtime/config/app-config';

interface Service {
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
}

/** docker-compose.yml cannot run here (no Docker engine); this checks what can be checked without one. */
describe('docker-compose.yml', () => {
  const compose = load(readFileSync(join(__dirname, '..', 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, Service>;
  };
  // resolve YAML merge keys (`<<: *app-env`) as Compose does, then the operator's ${VARS}
  const substitute = ({
    '<<': merged,
    ...env
  }: Record<string, string> & { '<<'?: Record<string, string> }) =>
    Object.fromEntries(
      Object.entries({ ...merged, ...env }).map(([k, v]) => [
        k,
        // what an operator sets: 64 hex digits serve every secret (PERSONAL_DATA_KEY is 32 bytes)
        String(v).replace(/\$\{(\w+)[^}]*\}/g, '5e7b'.repeat(16)),
      ]),
    );

  it('runs KurrentDB, PostgreSQL, the api and the projector, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual([
      'api',
      'kurrentdb',
      'postgres',
      'projector',
    ]);
    for (const service of Object.values(compose.services))
      expect(service.healthcheck?.test.length).toBeGreaterThan(0);
  });

  it.each(['api', 'projector'])(
    'gives the %s a configuration the service accepts, on the production engines',
    (name) => {
      const service = compose.services[name];
      // as each main loads it: only the api signs checkpoints
      const config = loadConfig(substitute(service.environment ?? {}), {
        signsCheckpoints: name === 'api',
      });
      expect(config).toMatchObject({
        eventStore: 'esdb',
        readModelStore: 'postgres',
        host: '0.0.0.0',
      });
      expect(service.depends_on).toMatchObject({
        kurrentdb: { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
      });
    },
  );

  it('keeps the checkpoint signing key from the projector, which signs none', () => {
    expect(compose.services.api.environment?.AUDIT_SIGNING_KEY).toBeTruthy();
    expect(compose.services.projector.environment?.AUDIT_SIGNING_KEY).toBe('');
  });

  it('starts each app from a file the build produces', () => {
    expect(compose.services.api.command).toEqual(['node', 'dist/apps/api/src/main.js']);
    expect(compose.services.projector.command).toEqual(['node', 'dist/apps/projector/src/main.js']);
  });
});
