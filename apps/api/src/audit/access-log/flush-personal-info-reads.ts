import type { RequestContext } from '../../graphql/request-context';
import type { AccessLog } from './access-log.service';

/**
 * Mercurius `onResolution` hook: runs after the resolvers and before the response is serialised.
 * The reads of the whole request go to the access log in one append; if that fails the hook throws,
 * and the client gets an error and no data instead of personal information that was not logged.
 */
export function flushPersonalInfoReads(accessLog: AccessLog) {
  return async (_execution: unknown, mercuriusContext: object): Promise<void> => {
    const context = mercuriusContext as Partial<RequestContext>;
    const reads = context.personalInfoReads?.drain() ?? [];
    if (reads.length === 0 || !context.principal) return;
    await accessLog.record(context.principal(), reads, { correlationId: context.correlationId });
  };
}
