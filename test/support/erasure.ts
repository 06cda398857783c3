import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { makeFictionalIdNumber } from '@app/domain';
import { mustMutate, type CommandResultShape } from './cases-api';
import type { GraphQLResponse, TestApp } from './test-app';

const ROOT = join(__dirname, '..', '..');

/** A child whose every personal value is distinctive enough to search raw bytes for. */
export const PERSON = {
  name: '甄测试涵',
  idNumber: makeFictionalIdNumber('330102', '2012-03-04', 517),
  guardian: '甄测试监护',
  sourceDetail: '邻居甄测试报告',
  visitNotes: '甄测试涵在家',
  correctedName: '甄测试瀚',
};
export const PERSONAL_VALUES = Object.values(PERSON);

export const ERASE = `mutation($input: ErasePersonalInformationInput!) {
  erasePersonalInformation(input: $input) { caseId revision position } }`;

export const ERASED_CASE = `query($id: ID!) { case(id: $id) {
  status erased child { name idNumber idNumberMasked } guardian { kind name } revision } }`;

/** A case that records every kind of personal information the contract names, then closed. */
export async function closedCaseWithPersonalInformation(app: TestApp): Promise<string> {
  const admin = app.token('ADMIN');
  const { caseId } = await mustMutate(
    app,
    'identifyChild',
    {
      idNumber: PERSON.idNumber,
      name: PERSON.name,
      regionCode: '330102001001',
      source: 'HOTLINE',
      sourceDetail: PERSON.sourceDetail,
      identifiedAt: '2026-01-05T09:00:00+08:00',
      categories: ['LEFT_BEHIND'],
      guardian: { kind: 'RELATIVE', name: PERSON.guardian, relation: 'grandmother' },
    },
    admin,
  );
  await mustMutate(
    app,
    'recordVisit',
    { caseId, visitedAt: '2026-01-06T09:00:00+08:00', notes: PERSON.visitNotes },
    admin,
  );
  const corrected = await app.gql(
    `mutation($input: CorrectCaseInput!) { correctCase(input: $input) { revision } }`,
    {
      input: {
        caseId,
        field: 'name',
        to: PERSON.correctedName,
        reason: 'typo',
        correctsRevision: 0,
      },
    },
    admin,
  );
  if (corrected.errors) throw new Error(JSON.stringify(corrected.errors));
  await mustMutate(
    app,
    'closeCase',
    { caseId, reason: 'moved away', closedAt: '2026-01-10T09:00:00+08:00' },
    admin,
  );
  return caseId!;
}

export function erase(
  app: TestApp,
  caseId: string,
  token = app.token('ADMIN'),
): Promise<GraphQLResponse<{ erasePersonalInformation: CommandResultShape }>> {
  return app.gql(ERASE, { input: { caseId, reason: 'retention period over (PIPL)' } }, token);
}

/** Every file under `dir`, with the personal values found in its bytes. */
export function personalValuesInFiles(dir: string): { file: string; found: string[] }[] {
  const hits: { file: string; found: string[] }[] = [];
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
      return;
    }
    const bytes = readFileSync(path);
    const found = PERSONAL_VALUES.filter((v) => bytes.includes(Buffer.from(v, 'utf8')));
    if (found.length > 0) hits.push({ file: path, found });
  };
  visit(dir);
  return hits;
}

/** Every row of every table in every schema of the database, with the personal values in it. */
export async function personalValuesInDatabase(
  url: string,
): Promise<{ table: string; found: string[] }[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
       WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    const hits: { table: string; found: string[] }[] = [];
    for (const { schema, name } of tables) {
      const table = `"${schema}"."${name}"`;
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${table} t`);
      const text = rows.map((r) => r.row).join('\n');
      const found = PERSONAL_VALUES.filter((v) => text.includes(v));
      if (found.length > 0) hits.push({ table, found });
    }
    return hits;
  } finally {
    await client.end();
  }
}

/** Runs a tool (tools/<name>.ts) as `npm run` would, on the given environment. */
export function runTool(name: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', './tools/swc-register.js', `tools/${name}.ts`], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });
}
