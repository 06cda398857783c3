import { makeFictionalIdNumber } from '@app/domain';
import { TestApp, codeOf } from './support/test-app';

describe('GraphQL input errors', () => {
  let app: TestApp;
  let admin: string;
  beforeAll(async () => {
    app = await TestApp.start();
    admin = app.token('ADMIN');
  });
  afterAll(() => app.close());

  const idNumber = makeFictionalIdNumber('330102', '2012-05-01', 7);

  it('names a bad literal field as BAD_USER_INPUT without echoing its value', async () => {
    const response = await app.gql(
      `mutation { identifyChild(input: { idNumber: "${idNumber}", name: "甲", regionCode: "330102001001",
        source: VISIT, identifiedAt: "${idNumber}" }) { caseId } }`,
      {},
      admin,
    );
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.fields?.map((f) => f.field)).toEqual([
      'input.identifiedAt',
    ]);
    expect(JSON.stringify(response)).not.toContain(idNumber);
  });

  it('names a bad variable field as BAD_USER_INPUT without echoing its value', async () => {
    const response = await app.gql(
      'mutation($input: AssessRiskInput!) { assessRisk(input: $input) { caseId } }',
      {
        input: {
          caseId: idNumber,
          guardianshipRisk: 'high',
          livingRisk: 0,
          behaviourRisk: 0,
          assessedAt: '2026-01-01T00:00:00Z',
        },
      },
      admin,
    );
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('input.guardianshipRisk');
    expect(JSON.stringify(response)).not.toContain(idNumber);
  });

  it('answers broken JSON with 400, not a GraphQL internal error', async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: '{"query": "{ __typename }"',
    });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]
        .extensions.code,
    ).toBe('BAD_REQUEST');
  });

  it('lists every bad field at once', async () => {
    const response = await app.gql(
      'mutation($input: IdentifyChildInput!) { identifyChild(input: $input) { caseId } }',
      {
        input: {
          idNumber: idNumber.slice(0, 17) + (idNumber.endsWith('0') ? '1' : '0'),
          name: '',
          regionCode: '3301',
          source: 'VISIT',
          identifiedAt: '2026-01-01T00:00:00+08:00',
          guardian: { kind: 'PARENT', name: '' },
        },
      },
      admin,
    );
    expect(codeOf(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort()).toEqual([
      'input.guardian.name',
      'input.idNumber',
      'input.name',
      'input.regionCode',
    ]);
  });
});
