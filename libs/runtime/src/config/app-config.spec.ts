import { ConfigError, loadConfig } from './app-config';

const MASTER = 'ab'.repeat(32);
const base = {
  DATA_DIR: '/tmp/cases-config-spec',
  AUTH_JWT_SECRET: 'a-config-spec-secret-of-32-bytes!',
  IDENTITY_HMAC_KEY: 'k',
  PERSONAL_DATA_KEY: MASTER,
};

const KEY = 'an-audit-signing-key-of-32-bytes-or-more';

describe('loadConfig: the audit checkpoints', () => {
  it('requires AUDIT_SIGNING_KEY in production, of 32 bytes at least, and names it', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(
      /AUDIT_SIGNING_KEY is required in production/,
    );
    expect(() => loadConfig({ ...base, AUDIT_SIGNING_KEY: 'short' })).toThrow(
      'AUDIT_SIGNING_KEY must be at least 32 bytes',
    );
    expect(loadConfig({ ...base, NODE_ENV: 'production', AUDIT_SIGNING_KEY: KEY }).audit).toEqual({
      signingKey: KEY,
      checkpointDir: '/tmp/cases-config-spec/checkpoints',
      checkpointIntervalMs: 300_000,
    });
  });

  it('is not required of a process that signs no checkpoints (the projector)', () => {
    const production = { ...base, NODE_ENV: 'production' };
    expect(loadConfig(production, { signsCheckpoints: false }).audit.signingKey).toBeNull();
    expect(() => loadConfig(production, { signsCheckpoints: true })).toThrow(
      /AUDIT_SIGNING_KEY is required in production/,
    );
    // a key given is still checked
    expect(() =>
      loadConfig({ ...production, AUDIT_SIGNING_KEY: 'short' }, { signsCheckpoints: false }),
    ).toThrow('AUDIT_SIGNING_KEY must be at least 32 bytes');
  });

  it("takes the checkpoints' place and interval, 0 for no timer", () => {
    const audit = loadConfig({
      ...base,
      AUDIT_CHECKPOINT_DIR: '/var/lib/cases-checkpoints',
      AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
    }).audit;
    expect(audit).toMatchObject({
      checkpointDir: '/var/lib/cases-checkpoints',
      checkpointIntervalMs: 0,
    });
    expect(() => loadConfig({ ...base, AUDIT_CHECKPOINT_INTERVAL_SECONDS: '-1' })).toThrow(
      'AUDIT_CHECKPOINT_INTERVAL_SECONDS must be 0 or a positive integer',
    );
  });
});

describe('loadConfig: PERSONAL_DATA_KEY', () => {
  const { PERSONAL_DATA_KEY: _, ...withoutKey } = base;

  it('takes 32 bytes as hex or base64, and names the variable otherwise', () => {
    expect(loadConfig(base).personalDataKey).toBe(MASTER);
    const b64 = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ ...base, PERSONAL_DATA_KEY: b64 }).personalDataKey).toBe(b64);
    for (const bad of ['short', 'ab'.repeat(31), Buffer.alloc(16).toString('base64')])
      expect(() => loadConfig({ ...base, PERSONAL_DATA_KEY: bad })).toThrow(
        /PERSONAL_DATA_KEY must be 32 bytes/,
      );
  });

  it('is required in production and where processes share the events', () => {
    expect(() =>
      loadConfig({ ...withoutKey, NODE_ENV: 'production', AUDIT_SIGNING_KEY: KEY }),
    ).toThrow(/NODE_ENV=production: set PERSONAL_DATA_KEY/);
    expect(() =>
      loadConfig({ ...withoutKey, EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://h/one' }),
    ).toThrow(/EVENT_STORE=postgres shares the events between processes: set PERSONAL_DATA_KEY/);
  });
});

describe('loadConfig: CASE_CACHE_SIZE', () => {
  it('keeps 10,000 cases unless told, and 0 turns the cache off', () => {
    expect(loadConfig(base).caseCacheSize).toBe(10_000);
    expect(loadConfig({ ...base, CASE_CACHE_SIZE: '0' }).caseCacheSize).toBe(0);
    expect(loadConfig({ ...base, CASE_CACHE_SIZE: '500' }).caseCacheSize).toBe(500);
  });

  it('names the variable when it is not a whole number of 0 or more', () => {
    for (const bad of ['-1', '1.5', 'many']) {
      expect(() => loadConfig({ ...base, CASE_CACHE_SIZE: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ ...base, CASE_CACHE_SIZE: bad })).toThrow(/CASE_CACHE_SIZE/);
    }
  });

  it('still refuses 0 where a positive integer is needed', () => {
    expect(() => loadConfig({ ...base, REQUEST_TIMEOUT_MS: '0' })).toThrow(
      'REQUEST_TIMEOUT_MS must be a positive integer',
    );
  });
});

describe('loadConfig: LOG_LEVEL and GRAPHIQL', () => {
  it("takes pino's levels, info unless told", () => {
    expect(loadConfig(base).logLevel).toBe('info');
    expect(loadConfig({ ...base, LOG_LEVEL: 'silent' }).logLevel).toBe('silent');
    expect(() => loadConfig({ ...base, LOG_LEVEL: 'verbose' })).toThrow(
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
  });

  it('takes true or false, on unless NODE_ENV=production, and names GRAPHIQL otherwise', () => {
    expect(loadConfig(base).graphiql).toBe(true);
    const production = { ...base, NODE_ENV: 'production', AUDIT_SIGNING_KEY: KEY };
    expect(loadConfig(production).graphiql).toBe(false);
    expect(loadConfig({ ...production, GRAPHIQL: 'true' }).graphiql).toBe(true);
    expect(loadConfig({ ...base, GRAPHIQL: 'false' }).graphiql).toBe(false);
    expect(() => loadConfig({ ...base, GRAPHIQL: 'yes' })).toThrow(
      'GRAPHIQL must be one of true, false',
    );
  });
});

describe('loadConfig: EVENT_STORE=postgres', () => {
  it('keeps the events in EVENT_STORE_DATABASE_URL, else in DATABASE_URL', () => {
    const both = {
      ...base,
      EVENT_STORE: 'postgres',
      EVENT_STORE_DATABASE_URL: 'postgres://h/events',
      DATABASE_URL: 'postgres://h/read',
    };
    expect(loadConfig(both)).toMatchObject({
      eventStore: 'postgres',
      eventStoreDatabaseUrl: 'postgres://h/events',
    });
    expect(
      loadConfig({ ...base, EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://h/one' })
        .eventStoreDatabaseUrl,
    ).toBe('postgres://h/one');
  });

  it('needs IDENTITY_HMAC_KEY: a key generated per DATA_DIR would differ between processes', () => {
    const { IDENTITY_HMAC_KEY: _, ...withoutKey } = base;
    const shared = { ...withoutKey, EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://h/one' };
    expect(() => loadConfig(shared)).toThrow(
      'EVENT_STORE=postgres shares the events between processes: set IDENTITY_HMAC_KEY',
    );
  });

  it('names both variables when neither is set', () => {
    expect(() => loadConfig({ ...base, EVENT_STORE: 'postgres' })).toThrow(
      'EVENT_STORE=postgres needs EVENT_STORE_DATABASE_URL or DATABASE_URL',
    );
    expect(() => loadConfig({ ...base, EVENT_STORE: 'mysql' })).toThrow(
      'EVENT_STORE must be one of sqlite, esdb, postgres',
    );
  });
});

describe('loadConfig: AUTH_JWT_SECRET, token lifetime, metrics and introspection', () => {
  it('refuses a secret shorter than 32 bytes, naming the variable and not the secret', () => {
    const short = { ...base, AUTH_JWT_SECRET: 'é'.repeat(15) + 'x' }; // 31 bytes, 16 characters
    expect(() => loadConfig(short)).toThrow(ConfigError);
    expect(() => loadConfig(short)).toThrow(
      /^AUTH_JWT_SECRET must be at least 32 bytes \(it has 31\)/,
    );
    expect(() => loadConfig(short)).not.toThrow(/é/);
    expect(loadConfig({ ...base, AUTH_JWT_SECRET: 'é'.repeat(16) }).jwtSecret).toBe('é'.repeat(16));
  });

  it('bounds token lifetimes by AUTH_MAX_TOKEN_TTL_SECONDS, a day unless told', () => {
    expect(loadConfig(base).jwtMaxTtlSeconds).toBe(86_400);
    expect(loadConfig({ ...base, AUTH_MAX_TOKEN_TTL_SECONDS: '3600' }).jwtMaxTtlSeconds).toBe(3600);
    expect(() => loadConfig({ ...base, AUTH_MAX_TOKEN_TTL_SECONDS: '1e308' })).toThrow(
      'AUTH_MAX_TOKEN_TTL_SECONDS must be a positive integer',
    );
  });

  it('serves metrics and introspection unless NODE_ENV=production, each switchable', () => {
    expect(loadConfig(base)).toMatchObject({
      metrics: { enabled: true },
      graphqlIntrospection: true,
    });
    const production = { ...base, NODE_ENV: 'production', AUDIT_SIGNING_KEY: KEY };
    expect(loadConfig(production)).toMatchObject({
      metrics: { enabled: false },
      graphqlIntrospection: false,
    });
    expect(
      loadConfig({ ...production, METRICS: 'true', GRAPHQL_INTROSPECTION: 'true' }),
    ).toMatchObject({ metrics: { enabled: true }, graphqlIntrospection: true });
    expect(() => loadConfig({ ...base, METRICS: 'on' })).toThrow(
      'METRICS must be one of true, false',
    );
    expect(() => loadConfig({ ...base, METRICS_TOKEN: 'short' })).toThrow(
      'METRICS_TOKEN must be at least 16 bytes',
    );
  });
});
