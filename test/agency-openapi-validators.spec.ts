import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';

const ROOT = join(__dirname, '..');
const COMMITTED = join(ROOT, 'docs', 'agency-openapi.json');

/** The committed agency OpenAPI document, checked by tools the project did not write. */
describe('docs/agency-openapi.json by the OpenAPI tools', () => {
  it('is a valid OpenAPI document (@apidevtools/swagger-parser)', async () => {
    const document = JSON.parse(readFileSync(COMMITTED, 'utf8')) as never;
    await expect(SwaggerParser.validate(document)).resolves.toMatchObject({ openapi: '3.0.0' });
  });

  it("passes @redocly/cli's recommended rules with no error", () => {
    const lint = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'redocly'),
      ['lint', COMMITTED, '--extends=recommended', '--format=json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    );
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; severity: string; message: string }[];
    };
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(lint.status).toBe(0);
  }, 60_000);
});
