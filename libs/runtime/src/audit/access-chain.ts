import { createHash, type Hash } from 'node:crypto';

/** One record as both stores keep it: the actor in columns, the fields as JSON text. */
export interface AccessRow {
  at: string;
  actor_id: string;
  actor_role: string;
  actor_agency: string | null;
  correlation_id: string;
  case_id: string;
  fields: string;
}

/** The columns, in the order the stores insert them. */
export const ACCESS_COLUMNS = [
  'at',
  'actor_id',
  'actor_role',
  'actor_agency',
  'correlation_id',
  'case_id',
  'fields',
] as const satisfies readonly (keyof AccessRow)[];

/**
 * The access log's hash chain, the event log's in kind (libs/event-store common/log-chain.ts):
 * each row links to the one before it in `seq` order. Both stores compute it in JS while
 * appending; the PostgreSQL migration fills older rows with ACCESS_LINK_SQL, which must agree.
 * link = SHA-256 of `previous \n seq \n` + field(c) for each column of ACCESS_COLUMNS in order,
 * field(x) = `<UTF-8 byte length>:x`, a null agency written as the one character `-` and any other
 * agency as `+agency`.
 */
export const ACCESS_CHAIN_GENESIS = '0'.repeat(64);

export type ChainedAccessRow = AccessRow & { seq: string; log_hash: string | null };

const field = (hash: Hash, text: string): Hash =>
  hash.update(`${Buffer.byteLength(text, 'utf8')}:`, 'utf8').update(text, 'utf8');

export function accessLink(
  previous: string,
  seq: string | number | bigint,
  row: AccessRow,
): string {
  const hash = createHash('sha256').update(`${previous}\n${seq}\n`, 'utf8');
  for (const column of ACCESS_COLUMNS) {
    const value = row[column];
    field(
      hash,
      column === 'actor_agency' ? (value === null ? '-' : `+${value}`) : (value as string),
    );
  }
  return hash.digest('hex');
}

/** The link in SQL (PostgreSQL), over a row of audit_access_reads aliased `r`. */
export const ACCESS_LINK_SQL = (previous: string) => `encode(sha256(convert_to(
  ${previous} || E'\\n' || r.seq::text || E'\\n'
  || audit_field(r.at) || audit_field(r.actor_id) || audit_field(r.actor_role)
  || audit_field(CASE WHEN r.actor_agency IS NULL THEN '-' ELSE '+' || r.actor_agency END)
  || audit_field(r.correlation_id) || audit_field(r.case_id) || audit_field(r.fields), 'UTF8')), 'hex')`;

/** A store whose rows carry the chain: read them back as stored, after `afterSeq`. */
export interface ChainedAccessLog {
  chainedRows(afterSeq: string, limit: number): Promise<ChainedAccessRow[]>;
}

export const isChainedAccessLog = (store: unknown): store is ChainedAccessLog =>
  typeof (store as Partial<ChainedAccessLog> | null)?.chainedRows === 'function';

/** Every row after `afterSeq`, page by page. */
export async function* accessRowsAfter(
  store: ChainedAccessLog,
  afterSeq = '0',
): AsyncGenerator<ChainedAccessRow> {
  for (let after = afterSeq; ;) {
    const page = await store.chainedRows(after, 1000);
    yield* page;
    if (page.length < 1000) return;
    after = page[page.length - 1].seq;
  }
}
