import type { TestApp } from './test-app';

export type RosterAnswer = {
  importId: string;
  rows: number;
  matchedCases: number;
  candidates: number;
  signals: number;
  invalidRows: { line: number; fields: string[] }[];
  invalidRowCount: number;
  casesOutsideRegions: number;
  adultRows: number;
  replayed: boolean;
  position: string;
};

export type RosterParams = {
  kind: string;
  asOf: string;
  complete?: boolean;
  regionCode?: string;
};

/** POST /monitoring/v1/rosters as a client sends it. */
export async function postRoster(
  app: TestApp,
  token: string,
  params: RosterParams,
  body: string | Buffer,
  contentType = 'text/csv; charset=utf-8',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const query = new URLSearchParams({ kind: params.kind, asOf: params.asOf });
  if (params.complete) query.set('complete', 'true');
  if (params.regionCode) query.set('regionCode', params.regionCode);
  const response = await fetch(`${app.url}/monitoring/v1/rosters?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const SIGNALS = `query($regionCode: String, $status: SignalStatus, $first: Int, $after: String, $consistentWith: String) {
  monitoringSignals(regionCode: $regionCode, status: $status, first: $first, after: $after, consistentWith: $consistentWith) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id caseId kind rosterKind asOf status category resolution } } } }`;

export const CANDIDATES = `query($regionCode: String, $first: Int, $after: String) {
  identificationCandidates(regionCode: $regionCode, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id regionCode rosterKinds firstSeenOn lastSeenOn child { name idNumber idNumberMasked } } } } }`;

export const RESOLVE_SIGNAL = `mutation($input: ResolveSignalInput!) { resolveSignal(input: $input) { caseId revision position } }`;

export const csv = (rows: readonly (readonly string[])[]): string =>
  ['id_number,name,region_code', ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
