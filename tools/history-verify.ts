import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { ConfigError, loadConfig } from '@app/runtime/config/app-config';
import { createEventStore } from '@app/runtime/event-store/event-store.module';
import { caseIdsInLog, verifyAllCases } from '@app/runtime/audit/history-verification';
import { signingKey } from '@app/runtime/config/audit-config';
import { verifyIntegrity } from '@app/runtime/audit/verify-integrity';
import { closeAll, openAccessLog } from './integrity/audit-sources';
import { printIntegrity } from './integrity/print-integrity';

const usage = `usage: npm run history:verify
Recomputes the hash chain of every case in the configured event store (DATA_DIR, EVENT_STORE, ...
as for the server), the global chain of the whole log and of the access log, and compares them
with the checkpoints signed with AUDIT_SIGNING_KEY (AUDIT_CHECKPOINT_DIR). Exits 0 when all hold,
1 naming what it found (BROKEN case lines, TAMPERED lines: ids and positions only), 2 when the
store cannot be opened.`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  // a verifier reads: it needs no token secrets, so it must not create them in DATA_DIR either
  const config = loadConfig({
    ...process.env,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET || 'unused-by-history-verify-0123456789abcdef',
    IDENTITY_HMAC_KEY: process.env.IDENTITY_HMAC_KEY || 'unused-by-history-verify-0123456789abcdef',
  });
  if (config.eventStore === 'sqlite' && !existsSync(join(config.dataDir, 'events.sqlite'))) {
    console.error(`history:verify: no event store in ${config.dataDir} (set DATA_DIR)`);
    return 2;
  }
  const key = signingKey(config.audit, config.dataDir, false);
  const store = createEventStore(config);
  const accessLog = openAccessLog(config);
  try {
    const caseIds = await caseIdsInLog(store);
    const bar = new SingleBar({
      format: ' {bar} {percentage}% | {value}/{total} cases | {duration}s',
      stream: process.stderr,
    });
    bar.start(caseIds.length, 0);
    const result = await verifyAllCases(store, caseIds, () => bar.increment());
    bar.stop();
    for (const { caseId, brokenAtRevision } of result.broken) {
      const where = brokenAtRevision === null ? 'unreadable' : `at revision ${brokenAtRevision}`;
      console.log(`BROKEN ${caseId} ${where}`);
    }
    const summary = `${result.cases} cases, ${result.events} events: `;
    console.log(
      result.broken.length === 0
        ? `${summary}every hash chain holds`
        : `${summary}${result.broken.length} broken`,
    );
    const dir = config.audit.checkpointDir;
    const integrity = await verifyIntegrity({ store, accessLog, key, dir });
    printIntegrity(integrity);
    return result.broken.length === 0 && integrity.findings.length === 0 ? 0 : 1;
  } finally {
    await closeAll(store, accessLog);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // a store error may quote a damaged row, and rows hold personal information: name the kind only
    const message =
      error instanceof ConfigError
        ? `configuration error: ${error.message}`
        : `the event log could not be read (${(error as Error)?.name ?? 'error'})`;
    console.error(`history:verify: ${message}`);
    process.exit(2);
  },
);
