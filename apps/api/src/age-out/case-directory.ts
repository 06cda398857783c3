import { Inject, Injectable } from '@nestjs/common';
import type { CaseEvent } from '@app/domain';
import { EVENT_STORE, type EventStore, type StoredEvent } from '@app/event-store';
import { LogView } from '@app/runtime/event-store/log-view';
import { caseIdOfStream } from '@app/runtime/streams/case-streams';

export interface DirectoryEntry {
  regionCode: string;
  birthDate: string;
  /** closed, aged out or protection ended: nothing left to review */
  settled: boolean;
}

function apply(
  directory: Map<string, DirectoryEntry>,
  stored: StoredEvent,
): Map<string, DirectoryEntry> {
  const caseId = caseIdOfStream(stored.streamId);
  if (caseId === null) return directory;
  const event = { type: stored.type, data: stored.data } as CaseEvent;
  const entry = directory.get(caseId);
  if (event.type === 'ChildIdentified') {
    directory.set(caseId, {
      regionCode: event.data.regionCode,
      birthDate: event.data.birthDate,
      settled: false,
    });
  } else if (entry) {
    if (event.type === 'CaseTransferred') entry.regionCode = event.data.toRegionCode;
    if (event.type === 'CaseCorrected' && event.data.field === 'birthDate' && event.data.to)
      entry.birthDate = event.data.to;
    if (event.type === 'CaseClosed' || event.type === 'AgedOut' || event.type === 'ProtectionEnded')
      entry.settled = true;
    if (event.type === 'CaseReopened') entry.settled = false;
  }
  return directory;
}

/** Every case's region, birth date and whether it is settled: what the daily review scans. */
@Injectable()
export class CaseDirectory {
  private readonly view: LogView<Map<string, DirectoryEntry>>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.view = new LogView(store, new Map(), apply);
  }

  current(): Promise<ReadonlyMap<string, DirectoryEntry>> {
    return this.view.current();
  }
}
