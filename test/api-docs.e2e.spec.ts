import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { ACCESS_MATRIX, type Action } from '@app/domain';
import { docOperations } from './support/doc-examples';
import { csv, postRoster } from './support/monitoring-api';
import { TestApp } from './support/test-app';

const read = (file: string) => readFileSync(join(__dirname, '..', file), 'utf8');
const page = read('docs/api.md');
const { roles, examples } = docOperations(page);
const schema = buildSchema(read('apps/api/schema.gql'));
const operations = [
  ...Object.keys(schema.getQueryType()!.getFields()),
  ...Object.keys(schema.getMutationType()!.getFields()),
].sort();

/** The story of docs/api.md is dated as of this day (facts may not lie ahead of the clock). */
const STORY_NOW = '2026-12-06T12:00:00+08:00';

describe('docs/api.md', () => {
  it('has an example and a Roles line for every query and mutation of the schema', () => {
    const documented = [...new Set(examples.map((e) => e.operation))].sort();
    expect(operations.filter((o) => !documented.includes(o))).toEqual([]);
    expect(operations.filter((o) => !roles.get(o)?.length)).toEqual([]);
    expect(documented.filter((o) => !operations.includes(o))).toEqual([]);
  });

  it('names the roles of the access policy', () => {
    for (const [operation, documented] of roles)
      if (operation in ACCESS_MATRIX)
        expect({ operation, roles: [...documented].sort() }).toEqual({
          operation,
          roles: [...ACCESS_MATRIX[operation as Action]].sort(),
        });
  });

  it('stands alone: no reference to a contract outside the repository', () => {
    expect(page).not.toMatch(/CONTRACT\.md/);
  });

  describe('its examples, run in page order on an empty store', () => {
    let app: TestApp;
    let caseId = '';
    let position = '';
    let signalId = '';
    /** The roster import the page shows (over HTTP, not GraphQL) before `resolveSignal`. */
    const importDropouts = async () => {
      const roster = csv([['370303201405060125', '李小禾', '370303001001']]);
      const imported = await postRoster(
        app,
        app.token('CIVIL_AFFAIRS', ['37'], { sub: 'CIVIL_AFFAIRS-docs' }),
        { kind: 'SCHOOL_DROPOUT', asOf: '2026-12-01' },
        roster,
      );
      expect(imported.status).toBe(201);
      const signals = await app.gql<{ monitoringSignals: { edges: { node: { id: string } }[] } }>(
        'query($p: String) { monitoringSignals(status: OPEN, consistentWith: $p) { edges { node { id } } } }',
        { p: imported.body.position as string },
        app.token('ADMIN', ['37']),
      );
      expect(signals.errors).toBeUndefined();
      expect(signals.data!.monitoringSignals.edges).toHaveLength(1);
      return signals.data!.monitoringSignals.edges[0].node.id;
    };
    beforeAll(async () => {
      app = await TestApp.start();
      app.setNow(STORY_NOW, { ticking: true });
    });
    afterAll(() => app.close());

    it.each(examples.map((e) => [`${e.operation} (line ${e.line})`, e] as const))(
      '%s answers without an error',
      async (_title, example) => {
        if (example.document.includes('<signalId>') && !signalId) signalId = await importDropouts();
        const document = example.document
          .replaceAll('<caseId>', caseId)
          .replaceAll('<signalId>', signalId);
        // as a reader would with `consistentWith`: the read models first catch up with the story
        if (example.kind === 'query' && position) {
          const barrier = await app.gql(
            'query($p: String) { caseload(consistentWith: $p) { open } }',
            { p: position },
            app.token('ADMIN'),
          );
          expect(barrier.errors).toBeUndefined();
        }
        // a mutation runs once, as the first role listed; a query as each of them
        const callers = roles.get(example.operation) ?? [];
        for (const role of example.kind === 'mutation' ? callers.slice(0, 1) : callers) {
          const sub = role === 'CHILD_DIRECTOR' ? 'director-370303001001' : `${role}-docs`;
          const answer = await app.gql<
            Record<string, { caseId?: string | null; position?: string }>
          >(document, {}, app.token(role, ['37'], { sub }));
          expect({ role, errors: answer.errors }).toEqual({ role, errors: undefined });
          expect(answer.data?.[example.operation]).not.toBeNull();
          const result = answer.data![example.operation];
          if (example.operation === 'identifyChild') caseId = result.caseId!;
          if (example.kind === 'mutation' && result.position) position = result.position;
        }
      },
    );
  });
});
