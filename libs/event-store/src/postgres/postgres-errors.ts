import { EventStoreUnavailable } from '../errors';

/** Socket-level failures node-postgres reports with a Node error code. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that went away or is not accepting work yet: admin_shutdown (a restart,
 * or pg_terminate_backend), crash_shutdown, cannot_connect_now (starting up), too_many_connections;
 * class 08 is the connection exceptions.
 */
const SERVER_GONE = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * True when `error` says the connection to PostgreSQL was lost or could not be made, as opposed to
 * a statement PostgreSQL refused: worth trying again on a new connection.
 */
export function isConnectionLoss(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || SERVER_GONE.has(code))) return true;
  if (typeof code === 'string' && code.startsWith('08')) return true;
  return (
    typeof message === 'string' &&
    /^Connection terminated|^Client has encountered a connection error|timeout exceeded when trying to connect/.test(
      message,
    )
  );
}

/** The driver's code and message: they name hosts and states, never rows. */
export function describePgError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { code, message } = error as { code?: unknown; message?: unknown };
  return [code, message].filter((part) => typeof part === 'string' && part).join(': ');
}

/** Delay before attempt `attempt` (2, 3, ...): 100 ms doubling, at most `maxMs`. */
export function backoffMs(attempt: number, maxMs = 2000): number {
  return Math.min(100 * 2 ** (attempt - 2), maxMs);
}

/** The error to give up with once retrying on new connections did not help. */
export const unavailable = (operation: string, error: unknown): EventStoreUnavailable =>
  new EventStoreUnavailable(`PostgreSQL (${describePgError(error)})`, operation);

/**
 * Runs `work`, again on a lost connection (the pool opens a new one) after a growing delay, at
 * most `attempts` times in all; then EventStoreUnavailable. Other errors are thrown at once.
 * Only for work that may run twice: reads, and appends (idempotent by event id).
 */
export async function retryingConnectionLoss<T>(
  operation: string,
  work: () => Promise<T>,
  attempts: number,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isConnectionLoss(error)) throw error;
      if (attempt >= attempts) throw unavailable(operation, error);
      await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt + 1)));
    }
  }
}
