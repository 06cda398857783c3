import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '@app/runtime/config/app-config';
import { createEventStore } from '@app/runtime/event-store/event-store.module';
import { signingKey } from '@app/runtime/config/audit-config';
import { writeCheckpoint } from '@app/runtime/audit/checkpointer';
import { closeAll, openAccessLog } from './integrity/audit-sources';

const usage = `usage: npm run history:checkpoint [-- --force]
Signs the heads of the event log and of the access log with AUDIT_SIGNING_KEY and appends the
checkpoint to AUDIT_CHECKPOINT_DIR (default DATA_DIR/checkpoints). Nothing is written when
nothing was appended since the last checkpoint, unless --force. Exits 0 on success, 1 when the
log is shorter than the last checkpoint (run npm run history:verify), 2 when the store or the
key cannot be had.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      help: { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return 0;
  }
  const config = loadConfig({
    ...process.env,
    AUTH_JWT_SECRET: process.env.AUTH_JWT_SECRET || 'unused-by-history-checkpoint-0123456789abcdef',
    IDENTITY_HMAC_KEY:
      process.env.IDENTITY_HMAC_KEY || 'unused-by-history-checkpoint-0123456789abcdef',
  });
  if (config.eventStore === 'sqlite' && !existsSync(join(config.dataDir, 'events.sqlite'))) {
    console.error(`history:checkpoint: no event store in ${config.dataDir} (set DATA_DIR)`);
    return 2;
  }
  const key = signingKey(config.audit, config.dataDir, true)!;
  const dir = config.audit.checkpointDir;
  const store = createEventStore(config);
  const accessLog = openAccessLog(config);
  try {
    const outcome = await writeCheckpoint(
      { store, accessLog, key, dir, now: () => new Date() },
      { force: values.force },
    );
    if (!outcome.written) {
      console.log(`history:checkpoint: nothing written (${outcome.reason})`);
      return outcome.reason === 'unchanged' ? 0 : 1;
    }
    const { log, access } = outcome.checkpoint;
    console.log(
      `checkpoint written to ${dir}: event log at position ${log.position} (${log.head.slice(0, 16)}…)` +
        (access ? `, access log at row ${access.position}` : ''),
    );
    for (const position of outcome.brokenLinks)
      console.log(
        `WARNING the link stored at position ${position} does not hold (run npm run history:verify)`,
      );
    return 0;
  } finally {
    await closeAll(store, accessLog);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof ConfigError
        ? `configuration error: ${error.message}`
        : `the logs could not be read (${(error as Error)?.name ?? 'error'})`;
    console.error(`history:checkpoint: ${message}`);
    process.exit(2);
  },
);
