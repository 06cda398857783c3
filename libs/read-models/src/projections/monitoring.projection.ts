import { signalsOf, type IdNumberReserved, type IdNumberReleased } from '@app/domain';
import type { CaseSnapshot, IdKeyChange, SignalRow } from '../read-model-store.port';
import { idHashOfStream, type ProjectedEvent } from './streams';

/** The monitoring signals of a case as rows (pure; replaced with the case's other rows). */
export function signalRows({ state }: CaseSnapshot): SignalRow[] {
  return signalsOf(state).map((s) => ({
    signalId: s.signalId,
    caseId: state.id,
    regionCode: state.regionCode,
    kind: s.kind,
    rosterKind: s.rosterKind,
    category: s.category,
    asOf: s.asOf,
    status: s.resolvedAt === null ? 'OPEN' : 'RESOLVED',
    raisedAt: s.raisedAt,
    resolvedAt: s.resolvedAt,
    resolution: s.resolution,
  }));
}

/** A reservation event as the keyed hash's holder (null: not a reservation stream). */
export function idKeyChange(event: ProjectedEvent): IdKeyChange | null {
  const idHash = idHashOfStream(event.streamId);
  if (idHash === null) return null;
  const e = event as unknown as IdNumberReserved | IdNumberReleased;
  switch (e.type) {
    case 'IdNumberReserved':
      return { idHash, caseId: e.data.caseId, held: true };
    case 'IdNumberReleased':
      return { idHash, caseId: e.data.caseId, held: false };
    default:
      return null;
  }
}
