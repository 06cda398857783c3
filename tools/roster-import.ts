import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { createApp } from '../apps/api/src/bootstrap';
import { loadConfig } from '@app/runtime/config/app-config';
import { toContractError } from '@app/runtime/errors/to-contract-error';
import { importRosterFile } from './monitoring/roster-file';

const usage = `usage: npm run roster:import -- --file F --kind KIND --as-of YYYY-MM-DD [--complete] [--region-code PREFIX] [--regions 3703,3301]
Imports a department's roster (CSV, UTF-8: id_number,name,region_code) into the configured store,
as POST /monitoring/v1/rosters does (docs/monitoring.md). KIND: MINIMUM_LIVING, MARGINAL_LOW_INCOME,
EXTREME_POVERTY, DISABILITY_CERTIFICATE, PARENT_IMPRISONED, PARENT_SEVERELY_DISABLED, SCHOOL_DROPOUT.
--regions: the regions the import acts in (default everywhere), as a token's would be.
Prints the answer as one JSON line; exits 1 when the file is refused.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      kind: { type: 'string' },
      'as-of': { type: 'string' },
      complete: { type: 'boolean', default: false },
      'region-code': { type: 'string' },
      regions: { type: 'string', default: '*' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void console.log(usage);
  if (!values.file || !values.kind || !values['as-of'])
    throw new Error(`--file, --kind and --as-of are required\n${usage}`);
  const app = await createApp({ ...loadConfig(), logLevel: 'warn' });
  await app.init();
  const bar = new SingleBar({
    format: ' {bar} {percentage}% | {value}/{total} MB | {duration}s',
    stream: process.stderr,
  });
  const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;
  try {
    let started = false;
    const answer = await importRosterFile(
      app,
      {
        file: values.file,
        kind: values.kind,
        asOf: values['as-of'],
        complete: values.complete,
        regionCode: values['region-code'],
        principal: {
          id: `roster-import:${userInfo().username}`,
          role: 'CIVIL_AFFAIRS',
          regions: values.regions.split(',').map((r) => r.trim()),
        },
        correlationId: randomUUID(),
      },
      (read, total) => {
        if (!started) bar.start(mb(total), 0);
        started = true;
        bar.update(mb(read));
      },
    );
    bar.stop();
    console.log(JSON.stringify(answer));
  } catch (error) {
    bar.stop();
    const refusal = toContractError(error);
    const fields = refusal.fields?.map((f) => `${f.field} ${f.message}`).join('; ');
    throw new Error(fields ? `${refusal.code}: ${fields}` : refusal.message);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(`roster:import: ${(error as Error).message}`);
  process.exit(1);
});
