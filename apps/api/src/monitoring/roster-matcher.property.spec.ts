import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { makeFictionalIdNumber, type ChildCategory } from '@app/domain';
import type { IdMatch } from '@app/read-models';
import { SqlCandidateStore } from './candidates/sql-candidate-store';
import { sqliteCandidateRunner } from './candidates/sqlite/sqlite-runner';
import { emptyTally, RosterMatcher, type RosterMatchRules } from './roster-matcher';
import { RosterReader } from '@app/runtime/monitoring/roster-reader';

const TODAY = '2026-11-15';
const AS_OF = '2026-11-01';
const IN_TOKEN = ['370303001001', '370303002004', '370305001002'];
const OUTSIDE_TOKEN = '330102001001';

/** A child of the generated world: what the generator knows, and the model reads, about them. */
type Child = {
  idNumber: string;
  /** born so long ago that they are 18 or older on AS_OF (some exactly on their 18th birthday) */
  adult: boolean;
  /** none, an open case in or outside the importer's regions, or a case closed before today */
  case: 'none' | 'open' | 'open-outside' | 'closed';
  holdsCategory: boolean;
};

/** A row of the file: a child listed (in a village of the token, with a name) or a bad row. */
type Row =
  | { type: 'child'; child: number; village: number; name: string }
  | { type: 'bad-check-digit'; child: number }
  | { type: 'region-outside-token'; child: number }
  | { type: 'no-name'; child: number }
  | { type: 'too-few-columns'; child: number };

const childArb = (n: number): fc.Arbitrary<Child> =>
  fc
    .record({
      adult: fc.constantFrom('minor', 'adult', 'eighteen-today'),
      day: fc.integer({ min: 1, max: 28 }),
      case: fc.constantFrom('none', 'none', 'open', 'open-outside', 'closed'),
      holdsCategory: fc.boolean(),
    })
    .map(({ adult, day, case: c, holdsCategory }) => {
      const birth =
        adult === 'minor'
          ? `2015-03-${String(day).padStart(2, '0')}`
          : adult === 'adult'
            ? `2001-07-${String(day).padStart(2, '0')}`
            : '2008-11-01'; // 18 on AS_OF: no longer a child
      return {
        idNumber: makeFictionalIdNumber('370303', birth, n),
        adult: adult !== 'minor',
        case: c as Child['case'],
        holdsCategory,
      };
    });

const worldArb = fc
  .integer({ min: 1, max: 12 })
  .chain((size) => fc.tuple(...Array.from({ length: size }, (_, i) => childArb(i))))
  .chain((children) =>
    fc.record({
      children: fc.constant(children),
      rows: fc.array(
        fc.oneof(
          {
            weight: 6,
            arbitrary: fc.record({
              type: fc.constant('child' as const),
              child: fc.nat(children.length - 1),
              village: fc.nat(IN_TOKEN.length - 1),
              name: fc.constantFrom('测试儿童', '测试,甲', '乙'),
            }),
          },
          ...(
            ['bad-check-digit', 'region-outside-token', 'no-name', 'too-few-columns'] as const
          ).map((type) => ({
            weight: 1,
            arbitrary: fc.record({ type: fc.constant(type), child: fc.nat(children.length - 1) }),
          })),
        ),
        { maxLength: 40 },
      ),
      batchSize: fc.integer({ min: 1, max: 7 }),
      implied: fc.constantFrom<ChildCategory | null>('MINIMUM_LIVING', null),
    }),
  );

type World = { children: Child[]; rows: Row[]; batchSize: number; implied: ChildCategory | null };

const quoted = (field: string) => (field.includes(',') ? `"${field}"` : field);

function csvOf(world: World): string {
  const lines = ['\uFEFFid_number,name,region_code'];
  for (const row of world.rows) {
    const id = world.children[row.child].idNumber;
    switch (row.type) {
      case 'child':
        lines.push(`${id},${quoted(row.name)},${IN_TOKEN[row.village]}`);
        break;
      case 'bad-check-digit':
        lines.push(`${id.slice(0, 17)}${id.endsWith('0') ? '1' : '0'},测试儿童,${IN_TOKEN[0]}`);
        break;
      case 'region-outside-token':
        lines.push(`${id},测试儿童,${OUTSIDE_TOKEN}`);
        break;
      case 'no-name':
        lines.push(`${id}, ,${IN_TOKEN[0]}`);
        break;
      case 'too-few-columns':
        lines.push(`${id},测试儿童`);
        break;
    }
  }
  return lines.join('\r\n') + '\r\n';
}

/** The reference: each row on its own, in file order, from what the generator knows. */
function expected(world: World) {
  const invalid: { line: number; fields: string[] }[] = [];
  let adults = 0;
  let outside = 0;
  const matched = new Set<number>();
  const evidence = new Set<number>();
  const candidates = new Map<number, { name: string; regionCode: string }>();
  const wrong: Record<Exclude<Row['type'], 'child'>, string[]> = {
    'bad-check-digit': ['id_number'],
    'region-outside-token': ['region_code'],
    'no-name': ['name'],
    'too-few-columns': ['region_code'],
  };
  world.rows.forEach((row, i) => {
    if (row.type !== 'child') return void invalid.push({ line: i + 2, fields: wrong[row.type] });
    const child = world.children[row.child];
    if (child.case === 'open-outside') return void (outside += 1);
    if (child.case === 'open') {
      matched.add(row.child);
      if (world.implied === null || !child.holdsCategory) evidence.add(row.child);
      return;
    }
    if (child.adult) return void (adults += 1);
    if (!candidates.has(row.child))
      candidates.set(row.child, { name: row.name.trim(), regionCode: IN_TOKEN[row.village] });
  });
  return { invalid, adults, outside, matched, evidence, candidates };
}

describe('roster matching, batch by batch, against a row-by-row model', () => {
  it('sorts every row into signal evidence, candidates, adults, cases outside, or errors', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (world) => {
        const dir = mkdtempSync(join(tmpdir(), 'roster-match-'));
        const candidates = new SqlCandidateStore(sqliteCandidateRunner(join(dir, 'm.sqlite')));
        const caseOf = (i: number) => `case-${i}`;
        const queries: number[] = [];
        const store = {
          matchIdHashes: async (hashes: readonly string[]): Promise<IdMatch[]> => {
            queries.push(hashes.length);
            return world.children.flatMap((child, i): IdMatch[] =>
              child.case !== 'none' && hashes.includes(`h-${child.idNumber}`)
                ? [
                    {
                      idHash: `h-${child.idNumber}`,
                      caseId: caseOf(i),
                      regionCode: child.case === 'open-outside' ? OUTSIDE_TOKEN : IN_TOKEN[1],
                      categories: child.holdsCategory ? ['MINIMUM_LIVING'] : [],
                      open: child.case !== 'closed',
                    },
                  ]
                : [],
            );
          },
        };
        let ids = 0;
        const matcher = new RosterMatcher(
          store,
          candidates,
          (idNumber) => `h-${idNumber}`,
          () => `cand-${String(++ids).padStart(4, '0')}`,
        );
        const rules: RosterMatchRules = {
          importId: 'import-1',
          kind: world.implied ? 'MINIMUM_LIVING' : 'SCHOOL_DROPOUT',
          asOf: AS_OF,
          today: TODAY,
          regions: ['3703'],
          principalRegions: ['3703'],
          implied: world.implied,
          ageOfMajority: 18,
          at: '2026-11-15T08:00:00.000Z',
        };
        try {
          const tally = emptyTally();
          const reader = new RosterReader(
            Readable.from([Buffer.from(csvOf(world))]),
            world.batchSize,
          );
          for await (const batch of reader.batches()) await matcher.matchBatch(batch, rules, tally);
          await matcher.finish(tally);
          const model = expected(world);
          expect(tally.rows).toBe(world.rows.length);
          expect(tally.invalid).toEqual(model.invalid);
          expect(tally.invalidCount).toBe(model.invalid.length);
          expect(tally.adults).toBe(model.adults);
          expect(tally.outside).toBe(model.outside);
          expect([...tally.matched].sort()).toEqual([...model.matched].map(caseOf).sort());
          expect(
            [...tally.evidence].map(([caseId, items]) => [caseId, items.map((e) => e.kind)]).sort(),
          ).toEqual(
            [...model.evidence]
              .map((i) => [
                caseOf(i),
                [world.implied ? 'CATEGORY_EVIDENCE_FOUND' : 'RISK_EVIDENCE_FOUND'],
              ])
              .sort(),
          );
          expect(tally.candidates).toBe(model.candidates.size);
          const stored = (await candidates.list({ regions: null, limit: 1000 })).rows;
          expect(
            stored.map((c) => [c.idNumber, c.name, c.regionCode, c.rosterKinds]).sort(),
          ).toEqual(
            [...model.candidates]
              .map(([i, c]) => [world.children[i].idNumber, c.name, c.regionCode, [rules.kind]])
              .sort(),
          );
          // one query per batch that has valid rows, never more hashes than the batch's rows
          expect(queries.every((n) => n <= world.batchSize)).toBe(true);
          expect(queries.length).toBeLessThanOrEqual(
            Math.ceil(world.rows.length / world.batchSize),
          );
        } finally {
          await candidates.shutdown();
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});
