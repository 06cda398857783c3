/**
 * Written by hand from `--cpu-prof` runs of this suite (see "Noise" for how): what bounds the goals
 * that were missed, and the fixes proposed to the code's owners. Update it when they land.
 */
export const PROFILES = `## Where the time goes (profiles of 2026-11-25 and 2026-12-03, by hand)

These come from CPU profiles of the phases (\`--cpu-prof\`, and \`--server-prof DIR\` for the two
servers) on the 2-core machine above; percentages are of the profiled thread's time during the
measurement.

- **appendPerSec** was 3.2-3.9x: every batch of 32 appends wrote 64 WAL pages because each random
  UUIDv4 event id landed on a random page of the unique id index, and minting ids one
  \`randomBytes\` call each then took 17% of the thread. Now the command path mints time-ordered
  ids (UUIDv7, RFC 9562, \`apps/api/src/command/uuid-v7.ts\`) with one randomness call per 256 ids,
  and the write figures use the same generator: 3.9-4.2x across runs, at the goal's edge. What remains is SQLite committing and
  waiting on the fsync (about three quarters of the thread); a single-event append no longer
  opens a SAVEPOINT (about 3% on tmpfs). A writer in a worker thread, so the next batch's
  validation overlaps the fsync, would be the next step. The ratio moves with the disk: the raw
  figure itself ranged 3,300-4,700/s across runs of 2026-12-03.
- **commandsPerSec** was 1.2x: every command re-read and re-parsed its whole stream. The command
  path now keeps the fold of recently used streams and reads only the events appended after it
  (other writers' included), so the expected revision still guards the append: 1.8-2.1x across
  runs, at the goal's edge. The catch-up read, though nearly always empty, was still 28% of the
  thread (two statements: the stream's last revision and the page after the fold). Since
  2026-12-03 a command first decides on the cached fold without reading, the fold kept current
  by the process's own appends; the store's expected-revision check proves it current, and a
  refused append, a refusal or a no-op are decided again on a fresh read
  (\`apps/api/src/command/command-path.ts\`): 2.9-3.0x.
- **graphqlCaseRps** was about 0.06x of the bare stack (2026-11-25), 0.12-0.15x now. Done on
  2026-11-25: the HS256 secret as a \`KeyObject\` (jsonwebtoken built a public key from the string
  on every verify: 325 µs against 7 µs), verified tokens remembered until they expire, prepared
  read-model statements kept. Done on 2026-12-03: the read-model queries of \`case(id)\` compiled
  by Kysely once, not per request (\`libs/read-models/src/sql/precompiled.ts\`); the benefit
  standards (read by every request for its monthly amounts) re-read only when the projections'
  checkpoint moves; helmet's headers worked out once at startup instead of by running helmet on
  every request. The server's CPU per request went from about 400-600 µs to about 220-290 µs
  (from /proc, between runs on this noisy machine). Left, measured by taking parts away: the
  two SQLite reads are about a third of the thread (about 33 µs each under load against 11-15 µs
  in a tight loop: the load generator shares the machine's two cores); the same server answering
  a constant from its resolvers (no reads) does about 4,700 req/s, 0.13x of the bare stack,
  because of Nest's resolver plumbing, the request log line, the rate-limit and body-limit hooks
  and the socket writes. So 0.4x is out of reach while \`case(id)\` runs through Nest's
  resolvers; keeping the log head in memory would spare the head read (5% here, a round trip
  to the server on EventStoreDB).
- **rebuildEventsPerSec** on the province preset: the read-model commits 43% (rising from 23% to
  47% as the tables grow), writing case rows 21%, reading the log through the port 25%, GC 8%.
  Bigger rebuild batches coalesce the writes of cases touched again: 500 events a batch 39 s,
  5,000 23 s, 50,000 15.6 s (470 MB RSS); at 50,000 the ratio is about 0.26x. The default is now
  20,000 (2026-12-03). On the Zibo preset (quick run) the ratio sits at the goal's edge, 0.22-0.30x
  across runs: of a rebuild's 0.3 s, reading the log through the port takes about 120 ms (6 µs an
  event against 3.6 µs for the raw read: bigint positions and revisions, the Date of recordedAt,
  the StoredEvent object), folding about 60 ms, writing the rows 50-70 ms, emptying the tables
  30 ms and the commit 25 ms. Folding each case in memory and writing it once would go further.
`;
