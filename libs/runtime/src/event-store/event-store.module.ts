import { preparePrivateDir } from '@app/event-store/sqlite/private-files';
import { join } from 'node:path';
import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, SqliteEventStore, type EventStore } from '@app/event-store';
import { EsdbEventStore } from '@app/event-store/esdb';
import { PostgresEventStore } from '@app/event-store/postgres';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { CLOCK, newSystemClock } from '../clock/clock';
import { LogHead } from './log-head';

/** The configured event store adapter; nothing outside an adapter imports a driver. */
export function createEventStore(config: AppConfig): EventStore {
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
    { provide: CLOCK, useFactory: newSystemClock },
    {
      provide: LogHead,
      inject: [EVENT_STORE],
      useFactory: (store: EventStore) => new LogHead(store),
    },
  ],
  exports: [EVENT_STORE, CLOCK, LogHead],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
