import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { accessLogDatabaseUrl } from '@app/runtime/audit/access-log/access-log-store';
import { APP_CONFIG, type AppConfig } from '@app/runtime/config/app-config';
import { CandidateRetention } from '../candidate-retention';
import { CANDIDATE_STORE, type CandidateStore } from './candidate-store.port';
import { IdentificationCandidates } from './identification-candidates';
import { postgresCandidateRunner } from './postgres/postgres-runner';
import { SqlCandidateStore } from './sql-candidate-store';
import { sqliteCandidateRunner } from './sqlite/sqlite-runner';

/** With the access log: in PostgreSQL when the deployment has one, else DATA_DIR/monitoring.sqlite. */
export function createCandidateStore(config: AppConfig): CandidateStore {
  const url = accessLogDatabaseUrl(config);
  if (url !== null) return new SqlCandidateStore(postgresCandidateRunner(url));
  mkdirSync(config.dataDir, { recursive: true });
  return new SqlCandidateStore(sqliteCandidateRunner(join(config.dataDir, 'monitoring.sqlite')));
}

/** Global: `identifyChild(candidateId:)` closes candidates from the cases module. */
@Global()
@Module({
  providers: [
    { provide: CANDIDATE_STORE, inject: [APP_CONFIG], useFactory: createCandidateStore },
    CandidateRetention,
    IdentificationCandidates,
  ],
  exports: [CANDIDATE_STORE, CandidateRetention, IdentificationCandidates],
})
export class CandidatesModule implements OnApplicationShutdown {
  constructor(@Inject(CANDIDATE_STORE) private readonly store: CandidateStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.shutdown();
  }
}
