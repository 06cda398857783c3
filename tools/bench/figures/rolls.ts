import { DEFAULT_POLICY } from '@app/domain';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { firstDayOfMonth, monthOf, standardLookupFrom } from '@app/domain';
import { PaymentRolls } from '@app/read-models';
import { createReadModelStore } from '@app/runtime/projections/read-model-store.factory';
import { PRESETS } from '../../seed/regions';
import { benchConfig } from '../support/bench-app';
import { median } from '../support/concurrent';
import { progress } from '../support/progress';
import type { Measured } from './measured';

/** The city a roll figure asks for: the city of the preset's first county (3301, or 3703). */
export function benchCity(preset: string): string {
  const region = PRESETS[preset];
  if (!region) throw new Error(`unknown preset ${preset}`);
  return region.counties[0].slice(0, 4);
}

/** The folded cases a roll of `city` reads, straight from SQLite: the raw cost of its rows. */
function rawReader(dataDir: string, city: string, day: string) {
  const db = new Database(join(dataDir, 'read-models.sqlite'), { readonly: true });
  const rows = db.prepare(
    `SELECT state FROM rm_case_state WHERE case_id IN (SELECT case_id FROM rm_case_region
      WHERE pays = 1 AND region_code >= ? AND region_code < ? AND from_date <= ?
      AND (to_date IS NULL OR to_date > ?)) ORDER BY case_id`,
  );
  return {
    read(): number {
      let count = 0;
      for (const row of rows.iterate(city, `${city}:`, day, day) as Iterable<{ state: string }>)
        if (JSON.parse(row.state)) count++;
      return count;
    },
    close: () => db.close(),
  };
}

/**
 * rollCityMs and forecastCityMs: the payment roll of a city for the month of the data set's
 * day, and its forecast of 12 months from it, as PaymentRolls computes them (the service's code,
 * in this process, on the read models the seed and the rebuild left); rollRawReadMs: reading the
 * same folded cases with better-sqlite3 and JSON.parse, nothing else. Medians of `samples`.
 */
export async function measureRolls(
  dataDir: string,
  preset: string,
  asOf: string,
  samples: number,
): Promise<Measured> {
  const city = benchCity(preset);
  const month = monthOf(asOf);
  const store = createReadModelStore(benchConfig(dataDir));
  try {
    const rolls = new PaymentRolls(store, null, DEFAULT_POLICY);
    const standards = standardLookupFrom(await store.standards());
    const roll = await rolls.roll(city, month, { standards });
    const forecast = await rolls.forecast(city, month, 12, standards);
    progress(
      'rolls',
      `${city} ${month}: ${roll.lines.length} lines, ${roll.children} children; 12 months: ${forecast.months.reduce((n, m) => n + m.count, 0)} lines`,
    );
    // warmed up as long as the measuring itself: the first calls are mostly the JIT
    const time = async (work: () => Promise<unknown> | unknown) => {
      for (let i = 0; i < samples; i++) await work();
      const times: number[] = [];
      for (let i = 0; i < samples; i++) {
        const started = performance.now();
        await work();
        times.push(performance.now() - started);
      }
      return median(times);
    };
    const raw = rawReader(dataDir, city, firstDayOfMonth(month));
    const rows = raw.read();
    const rollRawReadMs = await time(() => raw.read());
    raw.close();
    return {
      figures: {
        rollCityMs: await time(() => rolls.roll(city, month, { standards })),
        forecastCityMs: await time(() => rolls.forecast(city, month, 12, standards)),
        rollRawReadMs,
      },
      notes: {
        rollCity: city,
        rollMonth: month,
        rollLines: roll.lines.length,
        rollCasesRead: rows,
        rollSamples: samples,
      },
    };
  } finally {
    await store.close();
  }
}
