/** Every figure of the suite: its JSON key, how the table shows it, and what bounds it. */
export const FIGURE_KEYS = [
  'rawSqliteFsyncPerSec',
  'rawSqliteBatchedPerSec',
  'appendPerSec',
  'emmettSqlitePerSec',
  'commandsPerSec',
  'sealedIdentifyPerSec',
  'plainIdentifyPerSec',
  'sealedVisitsPerSec',
  'plainVisitsPerSec',
  'sealedCaseMs',
  'plainCaseMs',
  'sealedStreamReadMs',
  'plainStreamReadMs',
  'rawReadEventsPerSec',
  'rebuildEventsPerSec',
  'graphqlCaseRps',
  'graphqlCaseP99Ms',
  'nestMercuriusRps',
  'nestMercuriusP99Ms',
  'bareMercuriusRps',
  'bareMercuriusP99Ms',
  'caseAsOfMs',
  'rollCityMs',
  'forecastCityMs',
  'rollRawReadMs',
  'fairCaseP99Ms',
  'fairHeavyRps',
  'serverPeakRssMb',
  'seedEvents',
  'seedSeconds',
  'rebuildSeconds',
  'pgRawInsertPerSec',
  'pgRawBatchedPerSec',
  'pgAppendPerSec',
  'pgCommandsPerSec',
  'pgRebuildEventsPerSec',
  'pgApiVisitsRps',
  'pgTwoApisVisitsRps',
  'rosterImportRowsPerSec',
  'rosterRawRowsPerSec',
  'rosterServerPeakRssMb',
  'rosterSmallServerPeakRssMb',
] as const;

export type FigureKey = (typeof FIGURE_KEYS)[number];

export interface FigureInfo {
  label: string;
  unit: string;
  /** what limits the figure on this machine (BENCHMARKS.md) */
  bound: string;
}

export const CATALOGUE: Record<FigureKey, FigureInfo> = {
  rawSqliteFsyncPerSec: {
    label: 'raw better-sqlite3, 1 event per transaction',
    unit: 'events/s',
    bound:
      'One fsync of the WAL per event (synchronous=FULL): the disk flush latency, nothing else. The ceiling of any store that commits each event on its own.',
  },
  rawSqliteBatchedPerSec: {
    label: "raw better-sqlite3, the appends' batch size per transaction",
    unit: 'events/s',
    bound:
      "The same INSERTs and settings as the line above, as many per transaction as appendPerSec's group commit put in one (its appends per commit, in the notes): one fsync per batch. The ceiling of appends on this disk whatever its flush latency; what the store adds over it is validation, the expectation and idempotency checks, JSON and the queue.",
  },
  appendPerSec: {
    label: 'EventStore.appendToStream (32 callers, 1,000 streams)',
    unit: 'events/s',
    bound:
      'Group commit shares one fsync among the appends queued in the same event-loop turn (all 32 callers here), so the flush latency no longer bounds it; the one thread does. About three quarters of its time is SQLite committing the batch: about 38 WAL frames per batch of 32 (mostly leaf pages of the (stream, revision) index, one per stream touched), written and fsynced while the thread waits; the rest is validation and JSON.',
  },
  emmettSqlitePerSec: {
    label: '@event-driven-io/emmett-sqlite 0.38.5, same appends',
    unit: 'events/s',
    bound:
      'One transaction and one fsync per append, on a connection emmett opens and closes for every call, through the asynchronous sqlite3 driver; its appends cannot overlap (see the note), so they run one at a time.',
  },
  commandsPerSec: {
    label: 'command path: bus -> load -> decide -> append (32 callers)',
    unit: 'commands/s',
    bound:
      'CPU of the one Node thread. A command decides on the fold this process kept of its stream, reading the stream (two queries, each row decoded and parsed) only when it has no fold or the fold proves stale; then decide, the hash chain, validation and the append, whose fsync is shared with the other callers (group commit), so the disk is not the bound.',
  },
  sealedIdentifyPerSec: {
    label: 'identifyChild, personal information sealed (32 callers)',
    unit: 'commands/s',
    bound:
      'The command path with the reservation stream, plus per new case a data key made, wrapped under the master key and written to keys.sqlite (its own transaction and fsync), and the name, ID number, guardian and source detail sealed (AES-256-GCM).',
  },
  plainIdentifyPerSec: {
    label: 'identifyChild, sealing off (the same work in the clear)',
    unit: 'commands/s',
    bound:
      'As sealedIdentifyPerSec without the key and the encryption: what sealing costs is the difference.',
  },
  sealedVisitsPerSec: {
    label: 'recordVisit with notes, sealed (32 callers)',
    unit: 'commands/s',
    bound:
      "As commandsPerSec, the notes sealed under the case's data key (held in memory for a minute after use): one AES-GCM encryption of a short text per command.",
  },
  plainVisitsPerSec: {
    label: 'recordVisit with notes, sealing off',
    unit: 'commands/s',
    bound: 'As above.',
  },
  sealedCaseMs: {
    label: '`case(id)` over GraphQL (in process), sealed store',
    unit: 'ms',
    bound:
      'case(id) answers from the read models, which the projector wrote from the opened events: no decryption on this path, so the figure should match plainCaseMs within noise.',
  },
  plainCaseMs: {
    label: '`case(id)` over GraphQL (in process), sealing off',
    unit: 'ms',
    bound: 'As above.',
  },
  sealedStreamReadMs: {
    label: "a case's stream read and folded, every sealed event opened",
    unit: 'ms',
    bound:
      'What a cold command, caseHistory and caseAsOf pay: the stream read plus one key lookup per stream (cached) and one AES-GCM decryption per sealed event.',
  },
  plainStreamReadMs: {
    label: "a case's stream read and folded, sealing off",
    unit: 'ms',
    bound: 'As above.',
  },
  rawReadEventsPerSec: {
    label: 'raw read: every event with better-sqlite3 + JSON.parse',
    unit: 'events/s',
    bound: 'SQLite row decoding and JSON.parse of data and metadata, on one core.',
  },
  rebuildEventsPerSec: {
    label: 'projections:rebuild over the same events',
    unit: 'events/s',
    bound:
      'Most of the raw read is part of it: the log is read through the EventStore port without metadata (`readAllWithoutMetadata`: pages of 500, each row decoded into an event with its data, which projections read, and not its metadata, which they do not), then each case is folded and its read-model rows written, one transaction per batch of 20,000 (a case touched again in a batch is written once). On a large log writing the rows takes most of the time (the tables outgrow the cache) and reading the log about a quarter. The quick run times three rebuilds after two untimed ones (the first run of a 20,000-event log is mostly the JIT warming up, the second collects the garbage the seed phase left in the bench process); the full run times one rebuild of the province log.',
  },
  graphqlCaseRps: {
    label: 'GraphQL case(id) over HTTP, real server, 16 connections',
    unit: 'req/s',
    bound:
      "The server's one thread (the load generator has the other core): per request, the Nest + Mercurius stack (see nestMercuriusRps), the case from memory (CaseReadCache: one SQLite statement for the case row with its programmes when it is not there or changed since; the log head known without a query), writing the answer to the socket, the HTTP and GraphQL hooks (security headers, body, batch and rate limits, query cost, access log), JWT verification (cached), the request log line and the field resolvers.",
  },
  graphqlCaseP99Ms: { label: 'GraphQL case(id) p99 latency', unit: 'ms', bound: 'As above.' },
  nestMercuriusRps: {
    label: 'minimal Nest + @nestjs/graphql + Mercurius, constant answer',
    unit: 'req/s',
    bound:
      "The chosen stack with nothing of the API in it: Nest's HTTP adapter and resolver plumbing (a root resolver and the programmes field resolver), @nestjs/graphql's code-first schema, Mercurius with graphql-jit. No reads, auth, hooks or request log: the most graphqlCaseRps can be on this stack.",
  },
  nestMercuriusP99Ms: { label: 'minimal Nest p99 latency', unit: 'ms', bound: 'As above.' },
  bareMercuriusRps: {
    label: 'bare Fastify + Mercurius + graphql-jit, constant answer',
    unit: 'req/s',
    bound:
      'HTTP parsing, GraphQL execution and JSON serialisation only: the ceiling of the stack. Here the server and autocannon each keep a core busy, so the load generator may bound it too: the true ceiling is at least this.',
  },
  bareMercuriusP99Ms: { label: 'bare Mercurius p99 latency', unit: 'ms', bound: 'As above.' },
  caseAsOfMs: {
    label: 'GraphQL caseAsOf on a stream of 1,000 events (median)',
    unit: 'ms',
    bound:
      'Reading the whole stream (2 pages), JSON.parse, folding 1,000 events twice (region check, then as of), over HTTP.',
  },
  rollCityMs: {
    label: 'paymentRoll of a city (PaymentRolls, in process, median)',
    unit: 'ms',
    bound:
      "Reading the folded cases paying in the city (one statement, each case's JSON parsed), the issued rolls and lines, then the timeline of each case and its month: the raw read of the same rows (rollRawReadMs) is most of it.",
  },
  forecastCityMs: {
    label: 'paymentForecast of the same city, 12 months (median)',
    unit: 'ms',
    bound:
      'The same rows read once for the twelve months, then twelve months of each case through the timeline (its standards looked up each month): CPU, not the reads.',
  },
  rollRawReadMs: {
    label: "raw read of the roll's rows: better-sqlite3 + JSON.parse",
    unit: 'ms',
    bound: "SQLite row decoding and JSON.parse of the city's paying cases, on one core.",
  },
  fairCaseP99Ms: {
    label:
      'GraphQL case(id) p99 of another caller while 50 connections read rolls and pages of 200 cases',
    unit: 'ms',
    bound:
      "How long someone else's cheap read waits behind heavy ones. Rolls are computed on a worker thread (one at a time, taken in turn by principal) and paged from memory there; GraphQL operations of cost 1,000 or more run one at a time, in turn by principal, each starting on a later turn of the event loop, so a cheap request waits for at most one heavy operation (a page of 200 cases: tens of milliseconds) plus the HTTP parsing of the requests that came in with it. The load generator shares the machine's two cores with the server and its worker.",
  },
  fairHeavyRps: {
    label: 'heavy reads answered per second meanwhile (rolls and pages of 200 cases)',
    unit: 'req/s',
    bound:
      'As above: one heavy operation at a time on the event loop, one roll at a time on the worker.',
  },
  serverPeakRssMb: {
    label: 'server peak RSS (boot + load)',
    unit: 'MiB',
    bound: 'VmHWM of the server process after the HTTP phases.',
  },
  seedEvents: {
    label: 'events seeded through the command path',
    unit: 'events',
    bound: 'The preset: children x their planned histories.',
  },
  seedSeconds: {
    label: 'seed time (demo:seed, 32 at a time)',
    unit: 's',
    bound: 'The command path at concurrency 32, with the live projector in the same process.',
  },
  rebuildSeconds: {
    label: 'rebuild time over the seeded events',
    unit: 's',
    bound: 'As rebuildEventsPerSec.',
  },
  pgRawInsertPerSec: {
    label: 'raw PostgreSQL, 1 event per transaction (one connection)',
    unit: 'events/s',
    bound:
      "One-row INSERTs into the event store's table (its indexes), each committed alone with synchronous_commit=on: one WAL flush and one round trip per event. The ceiling of a store that commits each event on its own.",
  },
  pgRawBatchedPerSec: {
    label: "raw PostgreSQL, the appends' batch size per statement",
    unit: 'events/s',
    bound:
      'The same rows, as many per INSERT (one statement, one transaction, one round trip, one WAL flush) as pgAppendPerSec put in one commit: the limit of appends on this server.',
  },
  pgAppendPerSec: {
    label: 'PostgresEventStore.appendToStream (32 callers, 1,000 streams)',
    unit: 'events/s',
    bound:
      "Group commit: the appends queued while the previous batch commits go in one es_append call (one statement under the append lock). Per append the function checks the expectation and the ids with index lookups before its INSERT; the Node thread validates, serialises the batch into arrays and parses the outcomes. The bench process and PostgreSQL share the machine's two cores.",
  },
  pgCommandsPerSec: {
    label: 'command path on PostgreSQL (32 callers)',
    unit: 'commands/s',
    bound:
      'As commandsPerSec, with the events in PostgreSQL: a command on a stream this process wrote last appends without a read; each append waits for its batch (a round trip and a WAL flush) instead of a local fsync.',
  },
  pgRebuildEventsPerSec: {
    label: 'rebuild from PostgreSQL into PostgreSQL read models',
    unit: 'events/s',
    bound:
      "The seeded log copied into PostgreSQL (events:copy), then rebuildReadModels with both stores there: pages of 500 events over the wire, and the read-model rows as multi-row INSERTs in transactions of 20,000 events. The server's work and the Node thread's share two cores.",
  },
  pgApiVisitsRps: {
    label: 'recordVisit over HTTP, one api process on PostgreSQL (32 connections)',
    unit: 'req/s',
    bound:
      "An api process (NODE_ENV=production, PROJECTIONS=external) on 2,000 cases, the whole request line: HTTP, auth, GraphQL, the command path and the append's round trip. Its one thread, PostgreSQL and the load generator share two cores.",
  },
  pgTwoApisVisitsRps: {
    label: 'the same over two api processes (16 connections each)',
    unit: 'req/s',
    bound:
      'Two api processes on the same event store: their appends take turns under the append lock (each turn a batch), and a case visited through both makes the loser read what the other wrote. On two cores shared with PostgreSQL and the load generator the second process mostly competes for CPU: this shows that throughput holds with two, not how it grows on more cores.',
  },
  rosterImportRowsPerSec: {
    label: 'roster import over HTTP into the seeded store (200,000 rows; quick: 50,000)',
    unit: 'rows/s',
    bound:
      "POST /monitoring/v1/rosters on the real server: the body received into an encrypted spool (its SHA-256 and shape checked before anything is written), then read back: each row validated and hashed (the raw rate below), per batch of 5,000 rows one query for the cases of their keyed hashes and one transaction merging the rows with no open case into the candidates (one prepared upsert per row, on a writer thread beside the parser); after the file, one append per case with new evidence (32 at a time, group commit). The roster holds 10% seeded children (up to 20,000), the rest new children: most rows become candidates, and the candidate table's indexes bound the rate.",
  },
  rosterRawRowsPerSec: {
    label: 'raw parse + validate + keyed hash of the same file, no matching',
    unit: 'rows/s',
    bound:
      'UTF-8 decoding, CSV splitting, the ID number check digit and one HMAC-SHA256 per row, on one core.',
  },
  rosterServerPeakRssMb: {
    label: 'server peak RSS after the roster import',
    unit: 'MiB',
    bound:
      'VmHWM of the server process after boot and the import (its VmHWM before the import is in the notes): the import holds two batches of rows (one matched, one merging) and the evidence per matched case, not the file, which waits in an encrypted spool file.',
  },
  rosterSmallServerPeakRssMb: {
    label: 'the same after a roster a quarter that size (50,000 rows; quick: 12,500), fresh server',
    unit: 'MiB',
    bound:
      'A second server on the same store after the first import, posted a roster of other new children a quarter the size: streamed, the import needs no more memory for the bigger file, so the two peaks are about equal (goal: the small one at least 0.8 of the big one).',
  },
};
