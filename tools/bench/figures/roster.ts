import { DEFAULT_POLICY } from '@app/domain';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { checkRosterRow, makeFictionalIdNumber } from '@app/domain';
import { TokenService } from '@app/runtime/auth/token.service';
import { reservationStream } from '@app/runtime/streams/case-streams';
import { RosterReader } from '@app/runtime/monitoring/roster-reader';
import { PRESETS, townshipsOf } from '../../seed/regions';
import { planRegion } from '../../seed/seed-plan';
import { benchConfig, BENCH_ENV } from '../support/bench-app';
import { startApiServer } from '../support/api-server';
import { progress } from '../support/progress';
import type { Dataset } from './seed';
import type { Measured } from './measured';

/**
 * A roster of `rows`: a tenth (up to 20,000) seeded children, who match cases, taken from the
 * `from.known`th of the plan; the rest new children, numbered from `from.new`. Rosters written
 * with other offsets list other children.
 */
async function writeRoster(
  file: string,
  dataset: Dataset,
  rows: number,
  from = { known: 0, new: 0 },
): Promise<number> {
  const region = PRESETS[dataset.preset];
  const plan = planRegion(region, {
    policy: DEFAULT_POLICY,
    seed: 2026,
    asOf: dataset.asOf,
    children: region.children,
  });
  const known = plan.children.slice(
    from.known,
    from.known + Math.min(20_000, Math.floor(rows / 10)),
  );
  const villages = townshipsOf(region).flatMap((t) => t.villages);
  const out = createWriteStream(file);
  const write = (line: string) =>
    out.write(line)
      ? Promise.resolve()
      : new Promise<void>((resolve) => out.once('drain', () => resolve()));
  await write('\uFEFFid_number,name,region_code\r\n');
  for (const child of known) {
    const { idNumber, regionCode } = child.identify.data;
    await write(`${idNumber},测试儿童,${regionCode}\r\n`);
  }
  for (let n = known.length; n < rows; n++) {
    const i = n + from.new;
    const village = villages[i % villages.length];
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const year = 2010 + (Math.floor(i / 336) % 14);
    const birth = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const id = makeFictionalIdNumber(village.slice(0, 6), birth, Math.floor(i / 4032) % 1000);
    await write(`${id},测试儿童,${village}\r\n`);
  }
  out.end();
  await finished(out);
  return known.length;
}

/** The same file parsed, validated and hashed as the import does, without matching anything. */
async function rawRate(file: string, asOf: string, identityKey: string): Promise<number> {
  const started = performance.now();
  const reader = new RosterReader(createReadStream(file, { highWaterMark: 256 * 1024 }));
  let rows = 0;
  let sink = 0;
  for await (const batch of reader.batches())
    for (const record of batch) {
      const checked = checkRosterRow(record.fields ?? [], asOf, ['*']);
      if ('row' in checked) sink ^= reservationStream(identityKey, checked.row.idNumber).length;
      rows += 1;
    }
  reader.file();
  if (sink < 0) throw new Error('unreachable');
  return rows / ((performance.now() - started) / 1000);
}

/** Posts a roster to a fresh server on the seeded store: the answer, the time, the peak RSS. */
async function importOnce(
  dataset: Dataset,
  file: string,
  serverArgs: string[],
): Promise<{
  answer: Record<string, unknown>;
  seconds: number;
  peak: number | null;
  before: number | null;
}> {
  const { server, url } = await startApiServer(dataset.dir, serverArgs, {
    REQUEST_TIMEOUT_MS: '600000',
  });
  try {
    const before = server.peakRssMb();
    const token = new TokenService(benchConfig(dataset.dir)).sign({
      sub: 'bench-bureau',
      role: 'CIVIL_AFFAIRS',
      regions: ['*'],
    });
    const started = performance.now();
    const response = await fetch(
      `${url}/monitoring/v1/rosters?kind=MINIMUM_LIVING&asOf=${dataset.asOf}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: Readable.toWeb(createReadStream(file, { highWaterMark: 256 * 1024 })) as never,
        duplex: 'half',
      } as RequestInit,
    );
    const answer = (await response.json()) as Record<string, unknown>;
    const seconds = (performance.now() - started) / 1000;
    if (response.status !== 201) throw new Error(`import answered ${response.status}`);
    return { answer, seconds, peak: server.peakRssMb(), before };
  } finally {
    await server.stop();
  }
}

/**
 * rosterImportRowsPerSec: a roster of 200,000 rows (quick: 50,000) posted to the real server on
 * the seeded store; rosterRawRowsPerSec: the same file parsed and hashed in this process;
 * rosterServerPeakRssMb: the server's VmHWM after the import (its VmHWM before is a note);
 * rosterSmallServerPeakRssMb: the same after a roster a quarter that size (other children),
 * posted to a fresh server after the first: flat memory makes the two about equal.
 */
export async function measureRosterImport(
  dataset: Dataset,
  quick: boolean,
  serverArgs: string[] = [],
): Promise<Measured> {
  const rows = quick ? 50_000 : 200_000;
  const smallRows = rows / 4;
  const file = join(dataset.dir, '..', 'roster.csv');
  const smallFile = join(dataset.dir, '..', 'roster-small.csv');
  const matched = await writeRoster(file, dataset, rows);
  // other children: the seeded ones after the first roster's (they too get signals), other new ones
  await writeRoster(smallFile, dataset, smallRows, { known: matched, new: rows });
  const bytes = statSync(file).size;
  progress('roster', `${rows} rows (${matched} seeded children), ${(bytes / 1e6).toFixed(1)} MB`);
  const raw = await rawRate(file, dataset.asOf, BENCH_ENV.IDENTITY_HMAC_KEY);
  const { answer, seconds, peak, before } = await importOnce(dataset, file, serverArgs);
  progress(
    'roster',
    `import ${seconds.toFixed(1)} s: ${JSON.stringify({ ...answer, invalidRows: undefined })}`,
  );
  const small = await importOnce(dataset, smallFile, []);
  progress(
    'roster',
    `${smallRows} rows, fresh server: import ${small.seconds.toFixed(1)} s, peak RSS ${small.peak?.toFixed(1)} MiB`,
  );
  const noProc = 'no /proc/<pid>/status on this OS';
  return {
    figures: {
      rosterImportRowsPerSec: rows / seconds,
      rosterRawRowsPerSec: raw,
      rosterServerPeakRssMb: peak,
      rosterSmallServerPeakRssMb: small.peak,
    },
    missing: {
      ...(peak === null ? { rosterServerPeakRssMb: noProc } : {}),
      ...(small.peak === null ? { rosterSmallServerPeakRssMb: noProc } : {}),
    },
    notes: {
      rosterRows: rows,
      rosterBytes: bytes,
      rosterMatchedCases: Number(answer.matchedCases),
      rosterSignals: Number(answer.signals),
      rosterCandidates: Number(answer.candidates),
      rosterServerRssBeforeMb: before === null ? 'n/a' : Math.round(before),
      rosterSmallRows: smallRows,
      rosterSmallRowsPerSec: Math.round(smallRows / small.seconds),
      rosterSmallCandidates: Number(small.answer.candidates),
    },
  };
}
