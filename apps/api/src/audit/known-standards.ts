import { Inject, Injectable } from '@nestjs/common';
import { standardLookupFrom, type BenefitStandard, type StandardLookup } from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { STANDARD_STREAM_PREFIX } from '@app/domain';
import { LogView } from '@app/runtime/event-store/log-view';

type Known = { standard: BenefitStandard; recordedAt: number };

/** The benefit standards as the system knew them at a moment (for the rates `caseAsOf` shows). */
@Injectable()
export class KnownStandards {
  private readonly view: LogView<Known[]>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.view = new LogView<Known[]>(store, [], (known, event) => {
      if (event.streamId.startsWith(STANDARD_STREAM_PREFIX) && event.type === 'BenefitStandardSet')
        known.push({
          standard: event.data as BenefitStandard,
          recordedAt: Date.parse(String(event.metadata.recordedAt)),
        });
      return known;
    });
  }

  async lookupAsKnownAt(knownAt: string): Promise<StandardLookup> {
    const limit = Date.parse(knownAt);
    const known = await this.view.current();
    return standardLookupFrom(known.filter((k) => k.recordedAt <= limit).map((k) => k.standard));
  }
}
