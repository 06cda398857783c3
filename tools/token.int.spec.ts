import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jwt from 'jsonwebtoken';

const root = resolve(__dirname, '..');
const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['-r', './tools/swc-register.js', 'tools/token.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe('npm run token', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'token-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints a token signed with the secret it keeps in DATA_DIR', () => {
    const out = execFileSync(
      process.execPath,
      [
        '-r',
        './tools/swc-register.js',
        'tools/token.ts',
        '--role',
        'COURT',
        '--regions',
        '3301,3703',
        '--agency',
        '杭州市上城区人民法院',
      ],
      {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, AUTH_JWT_SECRET: '' },
        encoding: 'utf8',
      },
    );
    const secret = readFileSync(join(dataDir, 'jwt-secret'), 'utf8').trim();
    const claims = jwt.verify(out.trim(), secret, { algorithms: ['HS256'] }) as jwt.JwtPayload;
    expect(claims).toMatchObject({
      sub: 'court-cli',
      role: 'COURT',
      regions: ['3301', '3703'],
      agency: '杭州市上城区人民法院',
    });
    expect(claims.exp! - claims.iat!).toBe(8 * 3600);
  });

  it('refuses an unknown role or a malformed region, with usage', () => {
    const badRole = run(['--role', 'MAYOR'], { DATA_DIR: dataDir });
    expect(badRole.status).toBe(2);
    expect(badRole.stderr).toContain('usage: npm run token');
    const badRegion = run(['--role', 'ADMIN', '--regions', '33a'], { DATA_DIR: dataDir });
    expect(badRegion.status).toBe(2);
    expect(badRegion.stdout).toBe('');
  });
});
