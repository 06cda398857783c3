import { resolve } from 'node:path';
import { DEFAULT_LIMITS, type GraphQLLimits } from './graphql-limits';
import { getOrCreateSecret } from './secrets';
import { ConfigError } from './config-error';
import { loadAuditConfig, type AuditConfig } from './audit-config';

export { ConfigError };
import { parseMasterKey } from '../personal-data/master-key';
import { loadPolicyFile, PolicyFileError, type Policy } from './policy';

export type EventStoreKind = 'sqlite' | 'esdb' | 'postgres';
export type ReadModelStoreKind = 'sqlite' | 'postgres';
/** internal: this process runs the projector; external: apps/projector does (api instances only read) */
export type ProjectionsMode = 'internal' | 'external';

/** Everything the service reads from its environment, parsed once at start-up. */
export interface AppConfig {
  host: string;
  port: number;
  dataDir: string;
  eventStore: EventStoreKind;
  esdbConnectionString?: string;
  /** EVENT_STORE=postgres: EVENT_STORE_DATABASE_URL, else DATABASE_URL */
  eventStoreDatabaseUrl?: string;
  readModelStore: ReadModelStoreKind;
  databaseUrl?: string;
  projections: ProjectionsMode;
  jwtSecret: string;
  /** checked when set */
  jwtIssuer?: string;
  jwtAudience?: string;
  /** tolerated clock difference for exp/nbf, seconds (at most 300) */
  jwtClockSkewSeconds: number;
  /** a token whose exp lies further ahead than this is refused (AUTH_MAX_TOKEN_TTL_SECONDS) */
  jwtMaxTtlSeconds: number;
  /** key of the HMAC that turns an ID number into its reservation stream name */
  identityKey: string;
  /** PERSONAL_DATA_KEY: the master key (32 bytes) the per-case data keys are wrapped under */
  personalDataKey: string;
  /** false: personal information is written in the clear. The benchmark's comparison only; no variable sets it. */
  personalDataSealing?: false;
  logLevel: string;
  graphiql: boolean;
  /** GraphQL introspection (`__schema`, `__type`): off by default in production */
  graphqlIntrospection: boolean;
  /** GET /metrics: off by default in production; with a token, only `Bearer <token>` reads it */
  metrics: { enabled: boolean; token?: string };
  graphqlLimits: GraphQLLimits;
  /** the agency gRPC service (proto/agency/v1), on `host` */
  grpcPort: number;
  rateLimits: { mutationsPerMinute: number; agencyPerMinute: number };
  /** an HTTP request that takes longer is cut off */
  requestTimeoutMs: number;
  /** how many cases `case(id)` keeps in memory between changes (0: none) */
  caseCacheSize: number;
  /** SIGTERM: how long the orderly shutdown may take before the process exits anyway */
  shutdownTimeoutMs: number;
  /** the signed checkpoints of the logs (docs/audit.md) */
  audit: AuditConfig;
  /** POST /monitoring/v1/rosters: a larger body is refused (413) before or while it is read */
  rosterMaxBytes: number;
  /** POLICY_FILE: the policy data of every rule (the built-in defaults without it); write and read sides alike */
  policy: Policy;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** pino's levels, most severe first; `silent` writes nothing */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

const onUnlessProduction = (env: NodeJS.ProcessEnv) =>
  env.NODE_ENV === 'production' ? 'false' : 'true';

/** HS256 with a shorter key is open to brute force (RFC 7518 3.2: at least the hash's 256 bits) */
export const MIN_JWT_SECRET_BYTES = 32;
export const DEFAULT_MAX_TOKEN_TTL_SECONDS = 86_400;
/** what a metrics token must have at least, for the same reason */
const MIN_METRICS_TOKEN_BYTES = 16;

function jwtSecret(env: NodeJS.ProcessEnv, dataDir: string): string {
  const secret = env.AUTH_JWT_SECRET;
  if (!secret) return getOrCreateSecret(dataDir, 'jwt-secret');
  const bytes = Buffer.byteLength(secret, 'utf8');
  if (bytes < MIN_JWT_SECRET_BYTES)
    throw new ConfigError(
      `AUTH_JWT_SECRET must be at least ${MIN_JWT_SECRET_BYTES} bytes (it has ${bytes}); ` +
        'make one with `openssl rand -hex 32`',
    );
  return secret;
}

function metricsOf(env: NodeJS.ProcessEnv): AppConfig['metrics'] {
  const enabled = oneOf('METRICS', env.METRICS, ['true', 'false'], onUnlessProduction(env));
  const token = env.METRICS_TOKEN || undefined;
  if (token !== undefined && Buffer.byteLength(token, 'utf8') < MIN_METRICS_TOKEN_BYTES)
    throw new ConfigError(`METRICS_TOKEN must be at least ${MIN_METRICS_TOKEN_BYTES} bytes`);
  return { enabled: enabled === 'true', ...(token ? { token } : {}) };
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: T[],
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  if ((allowed as string[]).includes(value)) return value as T;
  throw new ConfigError(`${name} must be one of ${allowed.join(', ')}`);
}

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  return wholeNumber(name, value, fallback, 1, 'a positive integer');
}

function wholeNumber(
  name: string,
  value: string | undefined,
  fallback: number,
  least: number,
  what: string,
): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < least) throw new ConfigError(`${name} must be ${what}`);
  return n;
}

function port(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError(`${name} must be a TCP port`);
  return n;
}

function policyOf(env: NodeJS.ProcessEnv): Policy {
  try {
    return loadPolicyFile(env.POLICY_FILE);
  } catch (error) {
    if (!(error instanceof PolicyFileError)) throw error;
    throw new ConfigError(`POLICY_FILE (${env.POLICY_FILE}): ${error.message}`);
  }
}

function checkMasterKey(text: string): void {
  try {
    parseMasterKey(text);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

/** What the process loading the configuration does, where that changes what it must be given. */
export interface ConfigUse {
  /** it signs the logs' checkpoints (the api: true; the projector: false, it needs no key) */
  signsCheckpoints?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, use: ConfigUse = {}): AppConfig {
  const dataDir = resolve(env.DATA_DIR || './data');
  const eventStore = oneOf(
    'EVENT_STORE',
    env.EVENT_STORE,
    ['sqlite', 'esdb', 'postgres'],
    'sqlite',
  );
  const eventStoreDatabaseUrl = env.EVENT_STORE_DATABASE_URL || env.DATABASE_URL || undefined;
  const readModelStore = oneOf(
    'READ_MODEL_STORE',
    env.READ_MODEL_STORE,
    ['sqlite', 'postgres'],
    'sqlite',
  );
  if (eventStore === 'esdb' && !env.ESDB_CONNECTION_STRING) {
    throw new ConfigError('EVENT_STORE=esdb needs ESDB_CONNECTION_STRING');
  }
  if (eventStore === 'postgres' && !eventStoreDatabaseUrl) {
    throw new ConfigError('EVENT_STORE=postgres needs EVENT_STORE_DATABASE_URL or DATABASE_URL');
  }
  if (eventStore !== 'sqlite' && !env.IDENTITY_HMAC_KEY) {
    // a key generated into DATA_DIR would differ between hosts, and the reservation streams it
    // names with it: two processes could each open a case for the same child
    throw new ConfigError(
      `EVENT_STORE=${eventStore} shares the events between processes: set IDENTITY_HMAC_KEY, ` +
        'the same for every process (api, projector, tools)',
    );
  }
  if ((eventStore !== 'sqlite' || env.NODE_ENV === 'production') && !env.PERSONAL_DATA_KEY) {
    // a key generated into DATA_DIR would differ between hosts, and so would what they can open
    throw new ConfigError(
      (eventStore !== 'sqlite'
        ? `EVENT_STORE=${eventStore} shares the events between processes`
        : 'NODE_ENV=production') +
        ': set PERSONAL_DATA_KEY (32 bytes, hex or base64), the same for every process, and keep it apart from the databases',
    );
  }
  if (env.PERSONAL_DATA_KEY) checkMasterKey(env.PERSONAL_DATA_KEY);
  if (readModelStore === 'postgres' && !env.DATABASE_URL) {
    throw new ConfigError('READ_MODEL_STORE=postgres needs DATABASE_URL');
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: port('PORT', env.PORT, 3000),
    grpcPort: port('GRPC_PORT', env.GRPC_PORT, 50051),
    dataDir,
    eventStore,
    esdbConnectionString: env.ESDB_CONNECTION_STRING,
    eventStoreDatabaseUrl: eventStore === 'postgres' ? eventStoreDatabaseUrl : undefined,
    readModelStore,
    databaseUrl: env.DATABASE_URL,
    projections: oneOf('PROJECTIONS', env.PROJECTIONS, ['internal', 'external'], 'internal'),
    jwtSecret: jwtSecret(env, dataDir),
    jwtIssuer: env.AUTH_JWT_ISSUER || undefined,
    jwtAudience: env.AUTH_JWT_AUDIENCE || undefined,
    jwtClockSkewSeconds: Math.min(
      300,
      positiveInt('AUTH_CLOCK_SKEW_SECONDS', env.AUTH_CLOCK_SKEW_SECONDS, 30),
    ),
    jwtMaxTtlSeconds: positiveInt(
      'AUTH_MAX_TOKEN_TTL_SECONDS',
      env.AUTH_MAX_TOKEN_TTL_SECONDS,
      DEFAULT_MAX_TOKEN_TTL_SECONDS,
    ),
    identityKey: env.IDENTITY_HMAC_KEY || getOrCreateSecret(dataDir, 'identity-hmac-key'),
    personalDataKey: env.PERSONAL_DATA_KEY || getOrCreateSecret(dataDir, 'personal-data-key'),
    logLevel: oneOf('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS, 'info'),
    graphiql:
      oneOf('GRAPHIQL', env.GRAPHIQL, ['true', 'false'], onUnlessProduction(env)) === 'true',
    graphqlIntrospection:
      oneOf(
        'GRAPHQL_INTROSPECTION',
        env.GRAPHQL_INTROSPECTION,
        ['true', 'false'],
        onUnlessProduction(env),
      ) === 'true',
    metrics: metricsOf(env),
    rateLimits: {
      mutationsPerMinute: positiveInt(
        'RATE_LIMIT_MUTATIONS_PER_MINUTE',
        env.RATE_LIMIT_MUTATIONS_PER_MINUTE,
        600,
      ),
      agencyPerMinute: positiveInt(
        'RATE_LIMIT_AGENCY_PER_MINUTE',
        env.RATE_LIMIT_AGENCY_PER_MINUTE,
        120,
      ),
    },
    requestTimeoutMs: positiveInt('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, 30_000),
    caseCacheSize: wholeNumber('CASE_CACHE_SIZE', env.CASE_CACHE_SIZE, 10_000, 0, '0 or more'),
    shutdownTimeoutMs: positiveInt('SHUTDOWN_TIMEOUT_MS', env.SHUTDOWN_TIMEOUT_MS, 15_000),
    audit: loadAuditConfig(env, dataDir, use.signsCheckpoints ?? true),
    rosterMaxBytes: positiveInt('ROSTER_MAX_BYTES', env.ROSTER_MAX_BYTES, 128 * 1024 * 1024),
    policy: policyOf(env),
    graphqlLimits: {
      maxDepth: positiveInt('GRAPHQL_MAX_DEPTH', env.GRAPHQL_MAX_DEPTH, DEFAULT_LIMITS.maxDepth),
      maxCost: positiveInt('GRAPHQL_MAX_COST', env.GRAPHQL_MAX_COST, DEFAULT_LIMITS.maxCost),
      maxQueryBytes: positiveInt(
        'GRAPHQL_MAX_QUERY_BYTES',
        env.GRAPHQL_MAX_QUERY_BYTES,
        DEFAULT_LIMITS.maxQueryBytes,
      ),
      maxBatch: positiveInt('GRAPHQL_MAX_BATCH', env.GRAPHQL_MAX_BATCH, DEFAULT_LIMITS.maxBatch),
      maxPageSize: positiveInt(
        'GRAPHQL_MAX_PAGE_SIZE',
        env.GRAPHQL_MAX_PAGE_SIZE,
        DEFAULT_LIMITS.maxPageSize,
      ),
    },
  };
}
