import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jwt from 'jsonwebtoken';
import { AGENCY_ENV, COURT_NAME, identifyChild, postAct } from './support/agency-api';
import { codeOf, TestApp } from './support/test-app';

/** What production requires besides (fictional keys of the right length). */
const PRODUCTION_KEYS = {
  PERSONAL_DATA_KEY: 'ab'.repeat(32),
  AUDIT_SIGNING_KEY: 'an-audit-signing-key-of-32-bytes-or-more',
};

const ROOT = resolve(__dirname, '..');
const BUREAU = { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局' };
const INTROSPECTION = '{ __schema { queryType { name } } }';

/** What introspection answers an auditor (undefined when refused). */
async function queryTypeOf(app: TestApp): Promise<string | undefined> {
  const answer = await app.gql<{ __schema: { queryType: { name: string } } }>(
    INTROSPECTION,
    {},
    app.token('AUDITOR'),
  );
  return answer.data?.__schema.queryType.name;
}

/** Every file and folder under `dir` with its permission bits, folders first. */
function modesUnder(dir: string): { path: string; mode: number; folder: boolean }[] {
  const found = [{ path: dir, mode: statSync(dir).mode & 0o777, folder: true }];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...modesUnder(path));
    else found.push({ path, mode: statSync(path).mode & 0o777, folder: false });
  }
  return found;
}

describe('issue 23, item 5: the smaller leaks', () => {
  describe('the agency API checks the region before it replays', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await TestApp.start(AGENCY_ENV);
    });
    afterAll(() => app.close());

    it("a court of another region replaying a court's key and body gets 403 and no case id", async () => {
      const child = await identifyChild(app, 231);
      const body = {
        act: 'GUARDIANSHIP_REVOKED',
        childIdNumber: child.idNumber,
        docketNumber: '(2026)浙0102民特23号',
        decidedOn: '2026-03-01',
        effectiveOn: '2026-03-15',
        newGuardian: BUREAU,
      };
      const hangzhou = app.token('COURT', ['3301'], { sub: 'court-a', agency: COURT_NAME });
      const first = await postAct(app, { token: hangzhou, key: 'replayed-key', body });
      expect(first.status).toBe(201);

      // the same agency name (the idempotency namespace) in a token scoped to Zibo
      const zibo = app.token('COURT', ['3703'], { sub: 'court-b', agency: COURT_NAME });
      const replay = await postAct(app, { token: zibo, key: 'replayed-key', body });
      expect(replay.status).toBe(403);
      expect(replay.text).not.toContain(child.caseId);
      expect(replay.text).not.toContain(String(first.body.position));
      expect(replay.text).not.toContain(child.idNumber);

      // the court entitled to the case still gets its replay
      const again = await postAct(app, { token: hangzhou, key: 'replayed-key', body });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
    });
  });

  describe('files holding personal information', () => {
    it('are created 0600 in a 0700 folder, and existing looser ones are tightened', async () => {
      const parent = mkdtempSync(join(tmpdir(), 'cases-modes-'));
      const dataDir = join(parent, 'data');
      try {
        const app = await TestApp.start({}, dataDir);
        const created = await identifyChild(app, 232);
        const read = await app.gql(
          `query($id: ID!) { case(id: $id) { child { name idNumber } } }`,
          { id: created.caseId },
          app.token('CIVIL_AFFAIRS', ['3301']),
        );
        expect(read.errors).toBeUndefined();
        await app.close();
        const modes = modesUnder(dataDir);
        expect(modes.filter((m) => !m.folder).map((m) => m.path)).toEqual(
          expect.arrayContaining([
            join(dataDir, 'events.sqlite'),
            join(dataDir, 'read-models.sqlite'),
            join(dataDir, 'access-log.sqlite'),
          ]),
        );
        for (const { path, mode, folder } of modes)
          expect({ path, mode: mode.toString(8) }).toEqual({ path, mode: folder ? '700' : '600' });

        // a folder and files left loose by an older version: tightened at the next start
        chmodSync(dataDir, 0o755);
        chmodSync(join(dataDir, 'events.sqlite'), 0o644);
        chmodSync(join(dataDir, 'read-models.sqlite'), 0o664);
        writeFileSync(join(dataDir, 'events.sqlite-wal'), '', { mode: 0o644 });
        chmodSync(join(dataDir, 'events.sqlite-wal'), 0o644);
        const again = await TestApp.start({}, dataDir);
        await again.close();
        for (const { path, mode, folder } of modesUnder(dataDir))
          expect({ path, mode: mode.toString(8) }).toEqual({ path, mode: folder ? '700' : '600' });
      } finally {
        rmSync(parent, { recursive: true, force: true });
      }
    });
  });

  describe('AUTH_JWT_SECRET and token lifetimes', () => {
    it('refuses to start with a secret shorter than 32 bytes, naming the variable and not the secret', () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'cases-short-secret-'));
      try {
        const short = 'x'.repeat(31);
        const run = spawnSync(
          process.execPath,
          ['-r', './tools/swc-register.js', 'apps/api/src/main.ts'],
          {
            cwd: ROOT,
            env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, AUTH_JWT_SECRET: short },
            encoding: 'utf8',
            timeout: 60_000,
          },
        );
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('AUTH_JWT_SECRET must be at least 32 bytes');
        expect(run.stderr).not.toContain(short);
        expect(readdirSync(dataDir)).toEqual([]); // nothing was opened
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    describe('with the default AUTH_MAX_TOKEN_TTL_SECONDS (86400)', () => {
      let app: TestApp;
      beforeAll(async () => {
        app = await TestApp.start(AGENCY_ENV);
      });
      afterAll(() => app.close());

      const signed = (exp: number, role = 'ADMIN') =>
        jwt.sign({ sub: 'u', role, regions: ['*'], exp }, app.config.jwtSecret, {
          algorithm: 'HS256',
        });
      const now = () => Math.floor(Date.now() / 1000);

      it.each([
        ['exp = 1e308', () => 1e308],
        ['exp two days ahead', () => now() + 2 * 86_400],
        ['exp a year ahead', () => now() + 365 * 86_400],
      ])('refuses a token with %s, on GraphQL and on the agency API', async (_, exp) => {
        const token = signed(exp());
        const answer = await app.gql('{ accessLog(caseId: "x") { at } }', {}, token);
        expect(codeOf(answer)).toBe('UNAUTHENTICATED');
        const act = await postAct(app, {
          token: signed(exp(), 'COURT'),
          key: 'k',
          body: {},
        });
        expect(act.status).toBe(401);
      });

      it('accepts a token that lives a day', async () => {
        const answer = await app.gql('{ caseload { open } }', {}, signed(now() + 86_400 - 60));
        expect(answer.errors).toBeUndefined();
      });
    });

    it('AUTH_MAX_TOKEN_TTL_SECONDS moves the bound', async () => {
      const app = await TestApp.start({ AUTH_MAX_TOKEN_TTL_SECONDS: '3600' });
      try {
        const exp = Math.floor(Date.now() / 1000);
        const token = (ahead: number) =>
          jwt.sign(
            { sub: 'u', role: 'ADMIN', regions: ['*'], exp: exp + ahead },
            app.config.jwtSecret,
          );
        expect(codeOf(await app.gql('{ caseload { open } }', {}, token(7200)))).toBe(
          'UNAUTHENTICATED',
        );
        expect((await app.gql('{ caseload { open } }', {}, token(1800))).errors).toBeUndefined();
      } finally {
        await app.close();
      }
    });
  });

  describe('/metrics and introspection', () => {
    it('are off by default under NODE_ENV=production', async () => {
      const app = await TestApp.start({ NODE_ENV: 'production', ...PRODUCTION_KEYS });
      try {
        expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
        const answer = await app.gql(INTROSPECTION, {}, app.token('ADMIN'));
        expect(answer.data ?? null).toBeNull();
        expect(answer.errors?.[0]?.message).toMatch(/introspection/i);
        expect(await queryTypeOf(app)).toBeUndefined();
        const type = await app.gql('{ __type(name: "Case") { name } }', {}, app.token('ADMIN'));
        expect(type.data ?? null).toBeNull();
        // and without a token, nothing at all
        expect(codeOf(await app.gql(INTROSPECTION))).toBe('UNAUTHENTICATED');
        // ordinary queries still work
        expect(
          (await app.gql('{ caseload { open } }', {}, app.token('ADMIN'))).errors,
        ).toBeUndefined();
      } finally {
        await app.close();
      }
    });

    it('are on by default elsewhere', async () => {
      const app = await TestApp.start();
      try {
        expect((await fetch(`${app.url}/metrics`)).status).toBe(200);
        expect(await queryTypeOf(app)).toBe('Query');
      } finally {
        await app.close();
      }
    });

    it('in production, METRICS=true with METRICS_TOKEN serves the scraper holding the token only; GRAPHQL_INTROSPECTION=true turns introspection on', async () => {
      const metricsToken = 'scraper-token-0123456789abcdef';
      const app = await TestApp.start({
        NODE_ENV: 'production',
        ...PRODUCTION_KEYS,
        METRICS: 'true',
        METRICS_TOKEN: metricsToken,
        GRAPHQL_INTROSPECTION: 'true',
      });
      try {
        const metrics = (authorization?: string) =>
          fetch(`${app.url}/metrics`, {
            headers: authorization ? { authorization } : {},
          });
        expect((await metrics()).status).toBe(401);
        expect((await metrics('Bearer wrong-token-0123456789abcdef')).status).toBe(401);
        expect((await metrics(`Bearer ${app.token('ADMIN')}`)).status).toBe(401);
        const allowed = await metrics(`Bearer ${metricsToken}`);
        expect(allowed.status).toBe(200);
        expect(await allowed.text()).toContain('process_cpu_user_seconds_total');
        expect(await queryTypeOf(app)).toBe('Query');
      } finally {
        await app.close();
      }
    });
  });
});
