import { makeFictionalIdNumber } from '@app/domain';
import { CASE_QUERY, MUTATIONS } from './support/cases-api';
import { SERVER_SECRET, ServerProcess } from './support/server-process';

/**
 * A full scenario against the real process at the most verbose log level, then a grep of
 * everything it wrote: no name, no ID number, no token, no secret.
 */
describe('what the logs never contain', () => {
  let server: ServerProcess;
  afterAll(async () => {
    await server?.stop();
    server?.removeData();
  });

  it('holds no name, ID number, token or secret after a full scenario with errors', async () => {
    server = await ServerProcess.start({ env: { LOG_LEVEL: 'trace' } });
    const admin = server.token('ADMIN');
    const director = server.token('CHILD_DIRECTOR', ['330102'], 'director-logs');
    const court = server.token('COURT');
    const children = [
      { name: '欧阳小雪', idNumber: makeFictionalIdNumber('330102', '2012-07-07', 71) },
      { name: '司马青云', idNumber: makeFictionalIdNumber('330102', '2014-08-08', 72) },
    ];
    const guardianName = '欧阳大山';
    const caseIds: string[] = [];
    for (const child of children) {
      const input = {
        ...child,
        regionCode: '330102001001',
        source: 'HOTLINE',
        identifiedAt: '2026-01-02T10:00:00+08:00',
        categories: ['DE_FACTO_UNSUPPORTED'],
        guardian: { kind: 'PARENT', name: guardianName },
      };
      const answer = await server.gql<{ identifyChild: { caseId: string } }>(
        MUTATIONS.identifyChild,
        { input },
        director,
      );
      caseIds.push(answer.data!.identifyChild.caseId);
      await server.gql(MUTATIONS.identifyChild, { input }, director); // DUPLICATE_CASE
      await server.gql(
        MUTATIONS.identifyChild,
        { input: { ...input, idNumber: child.idNumber.slice(0, 17) + 'Z' } },
        director,
      ); // bad input
      await server.gql(
        MUTATIONS.identifyChild,
        { input: { ...input, identifiedAt: child.idNumber } },
        director,
      ); // a value in the wrong place
    }
    await server.gql(CASE_QUERY, { id: caseIds[0] }, director);
    await server.gql(
      '{ cases(first: 10) { edges { node { child { name idNumber } } } } }',
      {},
      admin,
    );
    await server.gql(
      'query($id: ID!) { caseHistory(caseId: $id) { data } }',
      { id: caseIds[0] },
      admin,
    );
    await server.gql(
      MUTATIONS.closeCase,
      {
        input: {
          caseId: caseIds[1],
          reason: children[1].name,
          closedAt: '2026-01-03T10:00:00+08:00',
        },
      },
      admin,
    );
    const act = (childIdNumber: string) =>
      fetch(`${server.url}/agency/v1/guardianship-acts`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${court}`,
          'idempotency-key': `logs-${childIdNumber.slice(-4)}`,
        },
        body: JSON.stringify({
          act: 'GUARDIANSHIP_REVOKED',
          childIdNumber,
          docketNumber: '(2026)浙0102民特1号',
          decidedOn: '2026-01-05',
          effectiveOn: '2026-01-05',
          newGuardian: { kind: 'CIVIL_AFFAIRS', name: '上城区民政局' },
        }),
      });
    await act(children[0].idNumber);
    await act(makeFictionalIdNumber('330102', '2010-10-10', 73)); // unknown child: 404
    await fetch(`${server.url}/exports/payment-roll.csv?regionCode=3301&month=2026-01`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    await fetch(`${server.url}/graphql?idNumber=${children[0].idNumber}`, {
      method: 'POST',
      headers: { authorization: 'Bearer not-a-token' },
    });
    await server.stop();

    const logs = server.logs;
    expect(logs.length).toBeGreaterThan(1000); // it did log: the grep below means something
    for (const secret of [
      ...children.flatMap((c) => [c.name, c.idNumber]),
      guardianName,
      admin,
      director,
      court,
      SERVER_SECRET,
    ]) {
      expect(logs).not.toContain(secret);
    }
  }, 60_000);
});
