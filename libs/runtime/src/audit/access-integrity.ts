import {
  ACCESS_CHAIN_GENESIS,
  accessLink,
  accessRowsAfter,
  type ChainedAccessLog,
} from './access-chain';
import type { Checkpoint } from './checkpoint';
import { HeadMatcher, comparePosition, type Finding } from './findings';

/**
 * The access log's chain, as the event log's: each row against its stored link, the seqs for
 * gaps, and the chain recomputed from the start against the heads the checkpoints signed.
 */
export async function checkAccessLog(
  accessLog: ChainedAccessLog,
  checkpoints: readonly Checkpoint[],
  report: (finding: Finding) => void,
): Promise<number> {
  const heads = checkpoints
    .flatMap((c) => (c.access ? [{ ...c.access, at: c.at }] : []))
    .sort((a, b) => comparePosition(a.position, b.position));
  const matcher = new HeadMatcher(
    heads,
    ACCESS_CHAIN_GENESIS,
    (kind, detail) =>
      report({ kind: kind === 'REWRITTEN' ? 'ACCESS_REWRITTEN' : 'ACCESS_TRUNCATED', detail }),
    'access log',
  );
  let stored = ACCESS_CHAIN_GENESIS;
  let reads = 0;
  for await (const row of accessRowsAfter(accessLog)) {
    reads += 1;
    matcher.before(row.seq);
    const next = BigInt(matcher.position) + 1n;
    if (BigInt(row.seq) > next)
      report({
        kind: 'ACCESS_MISSING',
        detail: `access-log rows ${next}-${BigInt(row.seq) - 1n} are missing: records of reads were deleted`,
      });
    const link = accessLink(stored, row.seq, row);
    if (row.log_hash !== link)
      report({
        kind: 'ACCESS_EDITED',
        detail: `access-log row ${row.seq} (case ${row.case_id}) does not match its link: it was edited or written by hand`,
      });
    stored = row.log_hash ?? link;
    matcher.advance(row.seq, accessLink(matcher.link, row.seq, row));
  }
  matcher.done();
  return reads;
}
