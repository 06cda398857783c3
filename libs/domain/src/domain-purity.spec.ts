import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** libs/domain stays pure: no framework, no driver, no I/O, no clock, no randomness. */
const ROOT = __dirname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from '@nestjs\//, 'a Nest import'],
  [
    /from '(better-sqlite3|pg|@eventstore\/.*|@kurrent\/.*|fastify|mercurius|pino.*)'/,
    'a driver or server',
  ],
  [/from '@app\/(event-store|read-models)/, 'another lib'],
  [/from 'node:(fs|net|http|https|child_process)'/, 'I/O'],
  [/Date\.now\(|new Date\(\)/, 'a clock'],
  [/Math\.random|randomUUID|randomBytes/, 'randomness'],
];

describe('the domain library', () => {
  const files = sources(ROOT);

  it('has sources to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(FORBIDDEN)('has no %s (%s)', (pattern) => {
    const offenders = files
      .filter((f) => pattern.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('hashes only in the hash-chain helper', () => {
    const offenders = files
      .filter((f) => /from 'node:crypto'/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual(['audit/hash-chain.ts']);
  });
});
