/**
 * Written by hand from `--cpu-prof` runs of this suite (see "Noise" for how): what bounds the goals
 * that were missed, and the fixes proposed to the code's owners. Update it when they land.
 */
export const PROFILES = `## Where the time goes (profiles of 2026-11-25, by hand)

These come from CPU profiles of the phases (\`--cpu-prof\`, and \`--server-prof DIR\` for the two
servers) on the 2-core machine above, with other work running on it; percentages are of the
profiled thread's time during the measurement. The fixes were tried in a scratch copy of the
tree, not in it.

- **commandsPerSec** (command path alone): reading the stream back 30% (SQLite row decoding
  19%, \`toStoredEvent\` 6%, \`evolve\` 5%), the group-commit transaction 29%, GC 15%, metadata and
  hash chain 6%. Every command re-reads and re-parses its whole stream (about 125 µs for a
  15-event stream through \`readStream\`). Proposed (apps/api/src/command/command-path.ts): keep
  the folded state of recently written streams (LRU, keyed by stream and \`evolve\`); the expected
  revision of the append already catches a stale entry (evict, retry), and a refusal decided on
  a cached state is decided again on a fresh read. Scratch copy, back to back with this tree:
  6,500-6,800 -> 14,700-15,800 commands/s, 2.6-2.8x the raw figure of the same runs.
- **graphqlCaseRps**: 37-42% of the server's thread is \`jsonwebtoken.verify\` calling
  \`crypto.createPublicKey\` on the HS256 secret string on every request (jsonwebtoken 9 tries a
  public key first): 325 µs a verify against 7 µs with a \`KeyObject\`. Proposed
  (apps/api/src/auth/token.service.ts): \`createSecretKey(Buffer.from(secret))\` once, passed to
  verify and sign: 934 -> 1,473 req/s. Then Kysely prepares every statement anew (better-sqlite3
  \`prepare\` 7-10%): a caching \`prepare\` wrapper given to \`SqliteDialect\`: -> 1,882 req/s.
  Then the request log line (LOG_LEVEL=warn: +30%), \`SELECT MAX(position)\` on the event store
  for every read without \`consistentWith\` (4%; the head could be kept in memory), helmet
  rebuilding its headers per request (4-6%), and Nest's resolver plumbing. Reaching 0.4x of the
  bare stack needs the whole \`case(id)\` request under ~100 µs of server time.
- **rebuildEventsPerSec** on the province preset: the read-model commits 43% (rising from 23% to
  47% as the tables grow), writing case rows 21%, reading the log through the port 25%, GC 8%.
  Bigger rebuild batches coalesce the writes of cases touched again: 500 events a batch 39 s,
  5,000 23 s, 50,000 15.6 s (470 MB RSS), 250,000 14.3 s for the 996,404 events; at 50,000 the
  ratio is about 0.26x. Folding each case in memory and writing it once would go further.
- **appendPerSec** missed its goal on a quiet machine (3.2x) and met it on busy ones (up to 4.7x):
  the raw figure falls when other processes use the disk (3,500 to 6,700/s across runs), this
  one when they use the CPU, so the ratio moves with the neighbours. About three quarters of the
  thread is SQLite committing and waiting for the fsync: 64 WAL frames per batch of 32 appends
  (measured), because each event's random UUIDv4 id lands on a random page of the unique id
  index, as its stream does on the stream index. With time-ordered ids (UUIDv7, RFC 9562) the id
  index grows at its right edge: the same store, back to back, 20,700-22,100 -> 25,600-27,500
  appends/s (4.4-4.7x the raw figure of that hour); bare SQLite batches 28k -> 35k/s, 45k/s
  without the id index. Proposed: the command path mints UUIDv7 event ids (\`randomUUID()\` in
  apps/api/src/command/command-path.ts), through one exported function that this suite's sample
  events then use too (today they use \`randomUUID()\`, as the application does). Further: a
  writer in a worker thread, so the next batch's validation runs during the fsync (with
  \`synchronous = OFF\` the same code does 36-46k/s).
`;
