import { preparePrivateDir } from '@app/event-store/sqlite/private-files';
import { join } from 'node:path';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '@app/event-store';
import { EsdbEventStore } from '@app/event-store/esdb';
import { PostgresEventStore } from '@app/event-store/postgres';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CLOCK, newSystemClock } from '../clock/clock';
import { LogHead } from './log-head';
import { createPersonalDataSealer } from '../personal-data/personal-data.factory';
import { PERSONAL_DATA } from '../personal-data/personal-data.token';
import { SealedEventStore } from '../personal-data/sealed-event-store';

/**
 * The configured event store adapter, its reads opening the personal information sealed in it
 * (see personal-data/). Nothing outside an adapter imports a driver.
 */
export function createEventStore(config: AppConfig): SealedEventStore {
  const store = createAdapter(config);
  try {
    const sealing = config.personalDataSealing !== false;
    return new SealedEventStore(store, createPersonalDataSealer(config, { sealing }));
  } catch (error) {
    void store.close();
    throw error;
  }
}

function createAdapter(config: AppConfig): EventStore {
  switch (config.eventStore) {
    case 'sqlite':
      preparePrivateDir(config.dataDir);
      return new SqliteEventStore({ filename: join(config.dataDir, 'events.sqlite') });
    case 'esdb':
      if (!config.esdbConnectionString) {
        throw new Error('EVENT_STORE=esdb needs ESDB_CONNECTION_STRING');
      }
      return new EsdbEventStore({ connectionString: config.esdbConnectionString });
    case 'postgres': {
      const logger = new Logger('EventStore');
      return new PostgresEventStore({
        connectionString: config.eventStoreDatabaseUrl!,
        // what PostgreSQL said about the connection: hosts and states, never rows
        onConnectionError: (error) =>
          logger.warn(`PostgreSQL connection: ${(error as Error)?.message ?? String(error)}`),
      });
    }
  }
}

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, inject: [APP_CONFIG], useFactory: createEventStore },
    {
      provide: PERSONAL_DATA,
      inject: [EVENT_STORE],
      useFactory: (store: SealedEventStore) => store.personalData,
    },
    { provide: CLOCK, useFactory: newSystemClock },
    {
      provide: LogHead,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new LogHead(store),
    },
  ],
  exports: [EVENT_STORE, PERSONAL_DATA, CLOCK, LogHead],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
