import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AGENCY_ENV } from './support/agency-api';
import { TestApp } from './support/test-app';

const COMMITTED = join(__dirname, '..', 'docs', 'agency-openapi.json');

describe('the agency OpenAPI document (docs/agency-openapi.json)', () => {
  let app: TestApp;
  let served: Record<string, unknown>;

  beforeAll(async () => {
    app = await TestApp.start(AGENCY_ENV);
    served = (await (await fetch(`${app.url}/agency/docs-json`)).json()) as Record<string, unknown>;
  });
  afterAll(() => app.close());

  it('is exactly the document served at /agency/docs-json (UPDATE_AGENCY_OPENAPI=1 rewrites it)', () => {
    const printed = `${JSON.stringify(served, null, 2)}\n`;
    if (process.env.UPDATE_AGENCY_OPENAPI === '1') writeFileSync(COMMITTED, printed);
    expect(printed).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('documents every answer of the contract, with examples in Chinese', () => {
    const post = (served.paths as Record<string, Record<string, Record<string, unknown>>>)[
      '/agency/v1/guardianship-acts'
    ].post;
    expect(Object.keys(post.responses as object).sort()).toEqual(
      ['200', '201', '400', '401', '403', '404', '409', '413', '415', '422', '429'].sort(),
    );
    expect(post.parameters).toEqual([
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
    ]);
    const examples = JSON.stringify((post.requestBody as Record<string, unknown>).content);
    for (const act of [
      'REVOCATION_PETITIONED',
      'PROCURATORATE_SUPPORT_FILED',
      'GUARDIANSHIP_REVOKED',
      'GUARDIAN_APPOINTED',
      'GUARDIANSHIP_RESTORED',
    ])
      expect(examples).toContain(act);
    expect(examples).toContain('(2026)浙0102民特12号');
  });

  it('serves Swagger UI at /agency/docs', async () => {
    const response = await fetch(`${app.url}/agency/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger-ui');
  });
});
