import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { POSTGRES_TEST_URL } from '@app/event-store/testing/postgres-test-database';
import { ServerProcess } from './support/server-process';

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

/** The commands of a fenced bash block, comments and blank lines left out. */
const commandsOf = (block: string) =>
  block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line && !line.startsWith('#'));

describe("a newcomer's first ten minutes", () => {
  const readme = read('README.md');

  it('the README opens with exactly two commands, each complete on a fresh clone', () => {
    const first = /```bash\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(readme.indexOf('```bash')).toBeLessThan(readme.indexOf('\n## '));
    expect(commandsOf(first)).toEqual(['npm ci && npm start', 'npm ci && npm test']);
  });

  it('lists the prerequisites, with the DATABASE_URL of the PostgreSQL suites', () => {
    const prerequisites = readme.slice(0, readme.indexOf('\n## '));
    for (const needed of ['Node.js 20.19', 'python3', 'make', 'g++', POSTGRES_TEST_URL, 'chromium'])
      expect(prerequisites).toContain(needed);
    const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines;
    expect(engines.node).toBe('>=20.19');
  });

  it('uses no command of one operating system only (macOS `open`)', () => {
    for (const block of readme.matchAll(/```bash\n([\s\S]*?)```/g))
      for (const command of commandsOf(block[1])) expect(command).not.toMatch(/^(open|start) /);
  });

  it("CI runs the README's test command on a clean install, with PostgreSQL and Chromium", () => {
    const ci = read('.ci/run');
    expect(ci).toMatch(/^npm ci\b/m);
    expect(ci).toMatch(/^npm test$/m);
    expect(ci).toContain(`DATABASE_URL:-${POSTGRES_TEST_URL}`);
    expect(ci).toContain('command -v chromium');
  });

  it('reports the PostgreSQL suites as skipped, with why, when DATABASE_URL is not set', () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    const run = spawnSync(
      process.execPath,
      [
        '--experimental-vm-modules',
        '--disable-warning=ExperimentalWarning',
        'node_modules/jest/bin/jest.js',
        '--runTestsByPath',
        'libs/runtime/src/audit/access-log/postgres-access-log.store.int.spec.ts',
      ],
      { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 },
    );
    const output = run.stdout + run.stderr;
    expect(run.status).toBe(0);
    expect(output).toMatch(/Tests:\s+\d+ skipped, \d+ total/);
    expect(output).not.toMatch(/Tests:.*\bpassed\b/);
    expect(output).toContain(`SKIPPED`);
    expect(output).toMatch(
      new RegExp(`SKIPPED \\d+ tests?: needs PostgreSQL, set DATABASE_URL=${POSTGRES_TEST_URL}`),
    );
  });

  describe('the server', () => {
    let server: ServerProcess;
    beforeAll(async () => (server = await ServerProcess.start()));
    afterAll(async () => {
      await server?.stop();
      server?.removeData();
    });

    it('logs the address it listens on, before it answers a request', async () => {
      const line = `"msg":"listening on ${server.url}"`;
      // the lines come through a pipe: wait for /health's request line, written after it
      for (let i = 0; i < 200 && !server.logs.includes('"path":"/health"'); i++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(server.logs).toContain(line);
      expect(server.logs.indexOf(line)).toBeLessThan(server.logs.indexOf('"path":"/health"'));
    });
  });
});
