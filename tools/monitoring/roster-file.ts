import { createReadStream, statSync } from 'node:fs';
import type { INestApplicationContext } from '@nestjs/common';
import type { Principal } from '@app/runtime/auth/principal';
import { parseRosterQuery } from '../../apps/api/src/monitoring/roster-query';
import {
  RosterImportService,
  type RosterImportAnswer,
} from '../../apps/api/src/monitoring/roster-import.service';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';

export type RosterFileOptions = {
  file: string;
  kind: string;
  asOf: string;
  complete: boolean;
  regionCode?: string;
  principal: Principal;
  correlationId: string;
};

/**
 * What `npm run roster:import` does: the same service, checks and answer as POST
 * /monitoring/v1/rosters, the file streamed from disk. `onBytes` follows the import: the file
 * read and checked (the first half), then its rows matched (the second).
 */
export async function importRosterFile(
  app: INestApplicationContext,
  options: RosterFileOptions,
  onBytes?: (read: number, total: number) => void,
): Promise<RosterImportAnswer> {
  const now = app.get<Clock>(CLOCK).now();
  const request = parseRosterQuery(
    {
      kind: options.kind,
      asOf: options.asOf,
      complete: options.complete ? 'true' : 'false',
      ...(options.regionCode ? { regionCode: options.regionCode } : {}),
    },
    now,
  );
  const total = statSync(options.file).size;
  const body = createReadStream(options.file, { highWaterMark: 256 * 1024 });
  return app
    .get(RosterImportService)
    .run(
      request,
      body,
      { principal: options.principal, correlationId: options.correlationId },
      ({ received, matched }) => onBytes?.((received + matched) / 2, total),
    );
}
