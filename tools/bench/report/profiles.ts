/**
 * Written by hand from `--cpu-prof` runs of this suite (see "Noise" for how): what bounds the goals
 * that were missed, and the fixes proposed to the code's owners. Update it when they land.
 */
export const PROFILES = `## Where the time goes (profiles of 2026-11-25 to 2026-12-04, by hand)

These come from CPU profiles of the phases (\`--cpu-prof\`, and \`--server-prof DIR\` for the
servers) on the 2-core machine above; percentages are of the profiled thread's time during the
measurement.

- **appendPerSec** was 3.2-3.9x: every batch of 32 appends wrote 64 WAL pages because each random
  UUIDv4 event id landed on a random page of the unique id index, and minting ids one
  \`randomBytes\` call each then took 17% of the thread. Now the command path mints time-ordered
  ids (UUIDv7, RFC 9562, \`apps/api/src/command/uuid-v7.ts\`) with one randomness call per 256 ids,
  and the write figures use the same generator: 3.5-4.7x across the runs of the morning of
  2026-12-03, at the goal's edge. A batch of 32 appends writes about 38 WAL frames (strace: two
  \`pwrite\` calls a frame, one \`fsync\` a batch), most of them leaf pages of the (stream,
  revision) index, one per stream touched, since 32 of 1,000 streams land on different pages; and
  with SQLite's default \`wal_autocheckpoint\` of 1,000 pages every ~26th commit also copied the
  WAL into the database file and fsynced it, rewriting the same hot index pages each time. Since
  the afternoon of 2026-12-03 the store checkpoints every 10,000 pages (a WAL of up to ~40 MiB,
  \`WAL_AUTOCHECKPOINT_PAGES\` in \`sqlite-connection.ts\`; the raw figure opens with the same
  setting): 4.8-5.9x across runs, commands 2.3-3.3x, durability unchanged (the WAL is still fsynced
  on every commit). A single-event append no longer opens a SAVEPOINT (about 3% on tmpfs). A writer in a worker thread would not help here:
  all 32 callers wait on the batch being committed, so nothing is left to overlap with its
  fsync. The ratio moves with the disk: the raw figure itself ranged 3,300-4,800/s across runs
  of 2026-12-03. On the machine of the last session of 2026-12-04: 3.7-5.1x (raw 4,800-6,600/s).
  There the appends are bound by the processor, not the fsync: with \`synchronous = NORMAL\` (no
  fsync at a commit; measured only, not kept) the store appended 28.7-31k events/s against
  28.7-29k with FULL. Each batch of 32 costs about 92 \`pwrite\` calls (46 WAL frames, two calls
  each: mostly the leaf pages of the (stream, revision) index, one per stream touched), 6
  \`pread\` and 6 \`fcntl\`, each a system call that costs microseconds in this VM; a 32 MiB page
  cache and no autocheckpoint at all both measured within the noise.
  On 2026-12-04 (evening; raw 4,600-6,500/s on this machine, the ratio 4.4-5.4x): an append no
  longer looks its first id up before inserting. The events_id index refuses a stored id on
  insert, and only then is the refusal told apart (a retry of the stored append, an id of
  another stream, a conflict); \`sqlite-writer.ts\`. Alternating old and new builds: 28.1k
  against 26.1k events/s over four pairs, the new one ahead in seven of eight.
- **commandsPerSec** was 1.2x: every command re-read and re-parsed its whole stream. The command
  path now keeps the fold of recently used streams and reads only the events appended after it
  (other writers' included), so the expected revision still guards the append: 1.8-2.1x across
  runs, at the goal's edge. The catch-up read, though nearly always empty, was still 28% of the
  thread (two statements: the stream's last revision and the page after the fold). Since
  2026-12-03 a command first decides on the cached fold without reading, the fold kept current
  by the process's own appends; the store's expected-revision check proves it current, and a
  refused append, a refusal or a no-op are decided again on a fresh read
  (\`apps/api/src/command/command-path.ts\`): 2.9-3.0x.
- **graphqlCaseRps** was about 0.06x of the bare stack (2026-11-25), 0.24-0.26x on 2026-12-03, 0.33-0.35x
  on the morning of 2026-12-04, 0.40-0.46x since (0.38-0.60x on a slower machine, below). Done on
  2026-11-25: the HS256 secret as a \`KeyObject\` (jsonwebtoken built a public key from the string
  on every verify: 325 µs against 7 µs), verified tokens remembered until they expire, prepared
  read-model statements kept. Done on 2026-12-03: the read-model query of \`case(id)\` compiled by
  Kysely once (\`libs/read-models/src/sql/precompiled.ts\`) and, later that day, the case row and
  its programmes read in one statement (a JSON array subquery on both engines,
  \`ReadModelStore.findCaseWithProgrammes\`; three SQLite statements a request became two); the
  benefit standards re-read only when the projections' checkpoint moves; helmet's headers worked
  out once at startup (since replaced by a constant API set); the HTTP hooks in callback style with a fast path (no promise, no body
  stream under a Content-Length, no mutation regex for a query without the word); a document's
  query cost remembered when its variables cannot change it; dates checked by hand instead of by
  a regular expression and a \`Date\`. Server CPU per request (from /proc): about 400-600 µs,
  then 300-400 µs, now 240-300 µs.
  What is left. \`perf\` on the server under load (2026-12-03): Node and V8 themselves 51% (builtins,
  megamorphic property loads, promises, JSON, the scavenger, the HTTP parser), JIT-compiled
  JavaScript 18%, the kernel 19% (mostly the one \`writev\` a request and the wake-up of the load
  generator it causes: while this server is the bottleneck the load generator sleeps, and each
  answer wakes it), SQLite itself 7%, libc 4%: a flat profile, no hot spot. Taking parts away
  (same machine, same load): the two SQLite statements with their promise and Kysely plumbing
  about 40-50 µs a request, the HTTP and GraphQL hooks together about 25 µs, the rest of our
  resolver path (auth, region check, the programmes field resolver, mapping) about 50 µs. Since
  the afternoon of 2026-12-03 every request also writes its log line (nestjs-pino's middleware
  had never run under Nest 12, so no request was logged; now a Fastify hook writes it): about
  10-20 µs, within this machine's noise.
  The new figure \`nestMercuriusRps\` measures the chosen stack with none of that (Nest,
  @nestjs/graphql code first, the Mercurius driver, graphql-jit, a root and a field resolver, a
  constant answer): 0.64-0.76x of the bare stack, so Nest's resolver plumbing alone is not what
  holds \`case(id)\` back (the note of the morning of 2026-12-03 said it was; that was wrong).
  Done on 2026-12-04 (server CPU per request 230 µs -> 135-150 µs, 4.3k -> 7.3k req/s):
  \`case(id)\` keeps the cases it read in memory (\`CaseReadCache\`, \`CASE_CACHE_SIZE\`), evicted
  by the checkpoint signal (the cases each batch of this process's projector changed, everything
  on another process's checkpoint), a read that overlapped a move never kept; the log head a read
  without \`consistentWith\` waits for comes from \`LogHead\` (this process's appends at once,
  the store asked at most every 25 ms) instead of a query per read; the request line written by
  a child logger without the redaction paths (its five fields are never personal; the paths'
  walk was half the line's cost).
  Taking parts away later that day showed those estimates to be within the noise; per-package
  self time of the server against the bare one (\`--cpu-prof\`, same load, per request) pointed
  at Nest's per-call context creator instead: for every resolver call it ran the global
  ValidationPipe on each argument through a chain of promises, a third of the server's
  allocations. Done on the afternoon of 2026-12-04 (server CPU per request 135-150 µs -> about
  110 µs): \`Case.programmes\` has no parameter decorators, so @nestjs/graphql binds it as a plain
  resolver; \`case(id)\` is answered by a plain resolver installed on the schema before Mercurius
  compiles it (\`apps/api/src/graphql/plain-queries.ts\`; its \`@Query\` declaration still makes the
  schema); its programmes come shaped with the case, once per cached read, business day and
  standards (\`CaseViews\`), so the field resolver returns them without a promise; Fastify's own
  JSON parser replaces Nest's wrapper (which built a parser per request).
  What is left, per request against the bare server: writing the bigger answer (JSON.stringify
  and the socket write of a case with five programmes against the bare server's constant) and
  graphql-jit's code for it, about 10 µs; the request line about 6 µs (pino and its asynchronous
  write; formatting by hand measured about 1 µs less); the security headers about 2 µs; the three
  Mercurius hooks (query size, query cost, personal-information access log) about 3 µs; the rest
  (JWT cache, region check, the case cache, promises) a few µs each. The machine's noise
  (server CPU per request 109-192 µs for one build) is larger than any of them.
  Later on 2026-12-04 another machine (slower: the bare server 15-23k req/s, the raw read 155-250k
  events/s) put the ratio at 0.33-0.52x. Done: @nestjs/graphql gives every \`@Field\` a resolver
  that reads the property, so graphql-jit called a function and checked its result for a
  promise on every field of the answer; fields that only read the same-named property now keep
  GraphQL's default resolver and the read is inlined (\`apps/api/src/graphql/plain-fields.ts\`;
  78 fields, about 5% of the server's CPU per request). And \`case(id)\` answers without a
  promise when nothing needs waiting for or reading: no \`consistentWith\`, the head
  \`LogHead\` knows without asking already projected, the case cached and the standards read at
  this checkpoint (\`caseNow\` in \`apps/api/src/read-models/case-queries.resolver.ts\`; about 4%).
  Then 0.37-0.60x, our server 8.6-9.2k req/s while the bare one moved between 15k and 24k.
  Measured and left, both servers under the same alternating load: the request line costs 13-20%
  of a request (the hook without its line: 97-110 against 118-127 µs), of which pino and the
  write account for only about 8 µs in the profile; the rest is everything else running slower.
  Neither buffering the writes (\`minLength\` 4 KiB, asynchronous or not) nor formatting the
  line by hand got it back beyond this machine's ±10% between rounds, so the cause is not
  understood yet. The security headers cost the bare server 9 µs a request (47 -> 56 µs), and
  the hardening issue asks for them.
  In the last session of 2026-12-04 (yet another machine: ours 95-105 µs of CPU a request, the
  minimal Nest server 73-83, the bare one 47-58; strace: one \`read\` and one \`writev\` a
  request on both, plus the request line): the line built but not written saved 7% twice (16
  rounds each); written synchronously in 8 KiB chunks, 2.6-3%; so pino's asynchronous write (a
  thread-pool round trip per few lines: 1,906 futex calls in 2 s against 529 written
  synchronously) is most of the line's cost. Not changed: buffered lines wait for the next
  chunk and are lost if the process dies, for 3%. The three servers now take the load side by
  side (2 s windows, rotating), which removed the drift between their stretches of the run;
  the ratio still moved 0.39-0.59 between quick runs, with the bare server at 15-23k req/s
  and ours at 8.7-10k.
  On the evening of 2026-12-04 (ours 99-115 µs a request, the minimal Nest server 74, the bare
  one 41-47; the ratio 0.39-0.46x in http-only quick runs, 0.41x over twelve rounds): the
  security headers are now the OWASP REST set (\`cache-control: no-store\` added, which answers
  holding personal information lacked; five headers that act only on rendered HTML dropped;
  a 45-character CSP instead of 270): about 3.5% less server CPU over two A/Bs in both orders,
  6-8% less for the load generator. Measured and left: taking every hook of ours, the headers
  and the request line away together saved 16-19% (the upper bound of that road); the request
  line in pino's worker-thread transport, about 2% (and a thread); the graceful-close
  \`onSend\` hook and an extra empty \`onRequest\` hook, nothing measurable; corking sockets to
  write a loop turn's answers together, nothing. The profile's largest item is the kernel's
  \`writev\`: 24-33 µs a request for ours against 13.5 for the bare server, the same one write
  of a similar size: the slower server finds the load generator asleep more often, and the
  wake-up is charged to its write. The quick run now loads each server 12 s (six 2 s windows)
  rather than 6 s: the rounds of one run move ±8%.
  Then the request line, taken apart (same A/B): the hook alone and the hook building its
  fields cost nothing measurable; pino's call and its write 10-13% of a request (more on a
  contended host). Done: stdout is written synchronously (\`pino.destination({ sync: true })\`,
  no thread-pool round trip per write, nothing buffered to die with the process) and the
  request lines of one event-loop turn go out in one write at its end (\`TurnBatch\`,
  \`apps/api/src/logging/turn-batch.ts\`): 2-5% less server CPU in A/Bs of both orders; http-only
  quick runs 0.45-0.49x after it. Tried and not kept: pino's \`minLength\` buffering (16 KiB,
  with a flush every 250 ms) made requests 10% dearer.
- **rebuildEventsPerSec** on the province preset: the read-model commits 43% (rising from 23% to
  47% as the tables grow), writing case rows 21%, reading the log through the port 25%, GC 8%.
  Bigger rebuild batches coalesce the writes of cases touched again: 500 events a batch 39 s,
  5,000 23 s, 50,000 15.6 s (470 MB RSS); at 50,000 the ratio is about 0.26x. The default is now
  20,000 (2026-12-03). On the Zibo preset (quick run) the ratio sits at the goal's edge, 0.22-0.30x
  across runs: of a rebuild's 0.3 s, reading the log through the port takes about 120 ms (6 µs an
  event against 3.6 µs for the raw read: bigint positions and revisions, the Date of recordedAt,
  the StoredEvent object), folding about 60 ms, writing the rows 50-70 ms, emptying the tables
  30 ms and the commit 25 ms. Folding each case in memory and writing it once would go further.
  Since 2026-12-04 a rebuild folds as it reads and writes each case once per batch (0.23-0.37x),
  and later that day folding an event copies the case file once instead of twice (\`withStatus\`
  keeps a file that already carries its status; the second copy was 7% of a rebuild): 0.36-0.38x
  on the slower machine, where it had been 0.26-0.32x.
  On 2026-12-04: reads hand each page's events to \`for await\` one resolved promise each
  (\`itemsOf\`) instead of an async generator's \`yield*\` (about 3 ms of a warm 20,000-event
  read, 15 ms of a cold one), and the quick run times its three rebuilds after two untimed ones:
  the first run was half again as long as the others (the JIT warming up) and the second paid
  for a mark-compact of the ~200 MB of garbage the seed phase left in the bench process, while
  the raw read it is compared with repeats for 1.5 s. Holding the 20,000 events of a batch made
  them outlive the young generation: a rebuild now folds each event as it reads it (\`QuickFold\`)
  and holds the state of each case instead (about 2 KiB a case); only a batch whose rows cannot
  all be derived is read again from the log and applied event by event. A warm rebuild of the
  Zibo log: 300 ms -> 230-245 ms. What is left of it: reading the log (the SQLite statement, then
  decoding rows into StoredEvents: bigint revisions, the Date of recordedAt), writing the case
  rows and the commit, a third each. Ratio 0.24-0.37x in the runs since (this machine swings
  every ratio by a fifth between runs; compare within one run).
  On the machine of the last session of 2026-12-04 the raw read was faster (about 300k events/s)
  and the ratio 0.22-0.29x. A rebuild parsed every event's metadata, which no projection reads
  (a fifth of the rebuild): it now reads the log through \`readAllWithoutMetadata\` (the SQLite
  store selects neither \`metadata\` nor \`recorded_at\`; EventStoreDB sends them anyway and the
  adapter drops them). In-process Zibo rebuild 93k -> 115k events/s; quick runs 0.37-0.46x.
  The full run's province rebuild was still 0.20x (44k events/s against 217k): 9 of its 22 s
  were commits, each copying the WAL back into the database (SQLite's checkpoint every 1,000
  pages) with tables far beyond the 16 MiB page cache. A rebuild now runs in the store's
  bulk-write settings (\`ReadModelStore.bulkWrites\`; SQLite: a 256 MiB cache, a checkpoint
  every 100,000 pages, one at the end): 45k -> 62-67k events/s on the province log in a process of
  its own, 53k in the full run after its seed (0.26x); the Zibo log is too small to notice (quick
  runs 0.34-0.40x).
`;
