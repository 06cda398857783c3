import { Inject, Injectable } from '@nestjs/common';
import {
  STANDARD_STREAM_PREFIX,
  standardLookupFrom,
  type BenefitStandard,
  type StandardLookup,
} from '@app/domain';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { LogView } from '@app/runtime/event-store/log-view';

/** Every benefit standard ever set, for the write side (graduation grants) and folded case views. */
@Injectable()
export class StandardsView {
  private readonly view: LogView<BenefitStandard[]>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.view = new LogView<BenefitStandard[]>(store, [], (standards, event) => {
      if (
        event.streamId.startsWith(STANDARD_STREAM_PREFIX) &&
        event.type === 'BenefitStandardSet'
      ) {
        standards.push(event.data as BenefitStandard);
      }
      return standards;
    });
  }

  async lookup(): Promise<StandardLookup> {
    return standardLookupFrom(await this.view.current());
  }
}
