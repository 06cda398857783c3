import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { JSONSchemaFaker } from 'json-schema-faker';
import { ACTS_PATH, AGENCY_ENV, COURT_NAME, identifyChild, postAct } from './support/agency-api';
import { TestApp } from './support/test-app';

type Schema = Record<string, unknown>;
type Operation = {
  requestBody: { content: { 'application/json': { schema: Schema } } };
  responses: Record<string, { content?: { 'application/json'?: { schema: Schema } } }>;
};

/**
 * The agency endpoint fuzzed from its committed OpenAPI document: bodies generated from the
 * request schema (json-schema-faker), valid and broken by fast-check, with good, bad and no
 * tokens and keys. Every answer must be one the document lists for the operation, with a body
 * its schema for that status accepts, and never a 5xx.
 */
describe('agency endpoint fuzzed from docs/agency-openapi.json', () => {
  let app: TestApp;
  let operation: Operation;
  let request: Schema;
  const answers = new Map<string, ValidateFunction | null>();
  let child: { caseId: string; idNumber: string };

  beforeAll(async () => {
    app = await TestApp.start(AGENCY_ENV);
    const file = join(__dirname, '..', 'docs', 'agency-openapi.json');
    const document = (await SwaggerParser.dereference(
      JSON.parse(readFileSync(file, 'utf8')) as never,
    )) as unknown as { paths: Record<string, { post: Operation }> };
    operation = document.paths[ACTS_PATH].post;
    request = operation.requestBody.content['application/json'].schema;
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const [status, response] of Object.entries(operation.responses)) {
      const schema = response.content?.['application/json']?.schema;
      answers.set(status, schema ? ajv.compile(schema) : null);
    }
    JSONSchemaFaker.option({ alwaysFakeOptionals: false, useExamplesValue: false });
    child = await identifyChild(app, 701);
  });
  afterAll(() => app.close());

  const generated = fc
    .nat()
    .map(() => JSONSchemaFaker.generate(request as never) as unknown as Schema);
  const fieldNames = [
    'act',
    'childIdNumber',
    'caseId',
    'docketNumber',
    'decidedOn',
    'effectiveOn',
    'newGuardian',
    'notes',
    'petitioner',
    'extra',
  ];
  /** A generated body, then maybe a field dropped, replaced by any JSON value, or pointed at a real child. */
  const body = fc.oneof(
    generated,
    fc
      .tuple(generated, fc.constantFrom(...fieldNames), fc.jsonValue())
      .map(([b, k, v]) => ({ ...b, [k]: v })),
    fc.tuple(generated, fc.constantFrom(...fieldNames)).map(([b, k]) => {
      const copy = { ...b };
      delete copy[k];
      return copy;
    }),
    generated.map((b) => ({ ...b, childIdNumber: child.idNumber, caseId: undefined })),
    fc.jsonValue(),
  );
  const token = fc.constantFrom<() => string | undefined>(
    () => app.token('COURT', ['*'], { agency: COURT_NAME }),
    () => app.token('PROCURATORATE', ['*'], { agency: '人民检察院' }),
    () => app.token('COURT', ['3701'], { agency: COURT_NAME }),
    () => app.token('AUDITOR'),
    () => 'not-a-token',
    () => undefined,
  );
  const key = fc.oneof(
    fc.string({ minLength: 1, maxLength: 20 }),
    fc.constant(undefined),
    fc.string({ maxLength: 200 }),
  );

  it('answers every request with a documented status and body, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(body, token, key, async (payload, tokenOf, idempotencyKey) => {
        const answer = await postAct(app, {
          token: tokenOf(),
          key: idempotencyKey,
          body: payload === undefined ? 'null' : payload,
        });
        expect(answer.status).toBeLessThan(500);
        const validate = answers.get(String(answer.status));
        expect([String(answer.status), validate === undefined]).toEqual([
          String(answer.status),
          false,
        ]);
        if (validate) {
          const ok = validate(answer.body);
          expect([answer.status, answer.body, ok ? [] : validate.errors]).toEqual([
            answer.status,
            answer.body,
            [],
          ]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('counts characters as code points: 100 "𠮷" fit a maxLength of 100 (50 of 50), 101 do not', async () => {
    const token = app.token('COURT', ['*'], { agency: COURT_NAME });
    const revoke = (name: string, key: string) =>
      postAct(app, {
        token,
        key,
        body: {
          act: 'GUARDIANSHIP_REVOKED',
          caseId: child.caseId,
          docketNumber: '𠮷'.repeat(100),
          decidedOn: '2026-03-01',
          effectiveOn: '2026-03-01',
          newGuardian: { kind: 'CIVIL_AFFAIRS', name, relation: '𠮷'.repeat(50) },
        },
      });
    const tooLong = await revoke('𠮷'.repeat(101), 'cp-101');
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields).toEqual([expect.objectContaining({ field: 'newGuardian.name' })]);
    expect((await revoke('𠮷'.repeat(100), 'cp-100')).status).toBe(201);
  });
});
