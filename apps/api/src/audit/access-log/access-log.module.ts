import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '@app/runtime/config/app-config';
import {
  ACCESS_LOG_STORE,
  type AccessLogStore,
} from '@app/runtime/audit/access-log/access-log.port';
import { AccessLog } from './access-log.service';
import { createAccessLogStore } from '@app/runtime/audit/access-log/access-log-store';

/** Global: the GraphQL flush and any export of personal information record through `AccessLog`. */
@Global()
@Module({
  providers: [
    { provide: ACCESS_LOG_STORE, inject: [APP_CONFIG], useFactory: createAccessLogStore },
    AccessLog,
  ],
  exports: [AccessLog, ACCESS_LOG_STORE],
})
export class AccessLogModule implements OnApplicationShutdown {
  constructor(@Inject(ACCESS_LOG_STORE) private readonly store: AccessLogStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
