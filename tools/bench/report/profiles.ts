/**
 * Written by hand from `--cpu-prof` runs of this suite (see "Noise" for how): what bounds the goals
 * that were missed, and the fixes proposed to the code's owners. Update it when they land.
 */
export const PROFILES = `## Where the time goes (profiles of 2026-11-25, by hand)

These come from CPU profiles of the phases (\`--cpu-prof\`, and \`--server-prof DIR\` for the two
servers) on the 2-core machine above; percentages are of the profiled thread's time during the
measurement.

- **appendPerSec** was 3.2-3.9x: every batch of 32 appends wrote 64 WAL pages because each random
  UUIDv4 event id landed on a random page of the unique id index, and minting ids one
  \`randomBytes\` call each then took 17% of the thread. Now the command path mints time-ordered
  ids (UUIDv7, RFC 9562, \`apps/api/src/command/uuid-v7.ts\`) with one randomness call per 256 ids,
  and the write figures use the same generator: 3.9-4.2x across runs, at the goal's edge. What remains is SQLite committing and
  waiting on the fsync (about three quarters of the thread); a writer in a worker thread, so the
  next batch's validation overlaps the fsync, would be the next step.
- **commandsPerSec** was 1.2x: every command re-read and re-parsed its whole stream. The command
  path now keeps the fold of recently used streams and reads only the events appended after it
  (other writers' included), so the expected revision still guards the append: 1.8-2.1x across
  runs, at the goal's edge; the group commit and the stream's catch-up read are most of what is left.
- **graphqlCaseRps** is about 0.06x of the bare stack. Done: the HS256 secret as a \`KeyObject\`
  (jsonwebtoken built a public key from the string on every verify: 325 µs against 7 µs) and
  verified tokens remembered until they expire; prepared read-model statements kept. Left: the
  request log line (LOG_LEVEL=warn gives about +30%), the event store's head read for every query
  without \`consistentWith\` (reads wait for the head by default, so a client reads its own writes;
  the head could be kept in memory), helmet computing its headers per request (4-6%), and Nest's
  resolver plumbing. 0.4x of the bare stack needs the whole \`case(id)\` request under about
  100 µs of server time: not reached.
- **rebuildEventsPerSec** on the province preset: the read-model commits 43% (rising from 23% to
  47% as the tables grow), writing case rows 21%, reading the log through the port 25%, GC 8%.
  Bigger rebuild batches coalesce the writes of cases touched again: 500 events a batch 39 s,
  5,000 23 s, 50,000 15.6 s (470 MB RSS); at 50,000 the ratio is about 0.26x. Folding each case in
  memory and writing it once would go further.
`;
