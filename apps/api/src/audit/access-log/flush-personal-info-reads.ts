import type { RequestContext } from '../../auth/request-context';
import type { AccessLog } from './access-log.service';
import { takePersonalInfoReads } from './personal-info-reads';

/**
 * Mercurius `onResolution` hook: runs after the resolvers and before the response is serialised.
 * The reads of the whole operation go to the access log in one append; if that fails the hook
 * throws, and the client gets an error and no data instead of personal information not logged.
 */
export function flushPersonalInfoReads(accessLog: AccessLog) {
  return async (_execution: unknown, mercuriusContext: object): Promise<void> => {
    const reads = takePersonalInfoReads(mercuriusContext);
    if (reads.length === 0) return;
    const context = mercuriusContext as RequestContext;
    await accessLog.record(context.principal(), reads, { correlationId: context.correlationId });
  };
}
