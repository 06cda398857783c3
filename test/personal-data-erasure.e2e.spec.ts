import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeFictionalIdNumber } from '@app/domain';
import { mustMutate } from './support/cases-api';
import {
  ERASED_CASE,
  PERSON,
  closedCaseWithPersonalInformation,
  erase,
  personalValuesInFiles,
  runTool,
} from './support/erasure';
import { codeOf, TestApp } from './support/test-app';

type ErasedCase = {
  case: {
    status: string;
    erased: boolean;
    child: { name: string | null; idNumber: string | null; idNumberMasked: string };
    guardian: { kind: string; name: string | null } | null;
    revision: number;
  };
};
const HISTORY = `query($id: ID!) { caseHistory(caseId: $id) { revision type hash data } }`;
const VERIFY = `query($id: ID!) { verifyCaseHistory(caseId: $id) { events valid brokenAtRevision } }`;

/**
 * erasePersonalInformation (CONTRACT.md, "Personal information and integrity"): afterwards the
 * child's name, ID number and guardian names cannot be read from anything under DATA_DIR, every
 * byte searched, while the history still lists every event and its hash chain holds.
 */
describe('erasing a case’s personal information (embedded store)', () => {
  let app: TestApp;
  let caseId: string;
  let historyBefore: { revision: number; type: string; hash: string }[];

  beforeAll(async () => {
    app = await TestApp.start();
    caseId = await closedCaseWithPersonalInformation(app);
    const history = await app.gql<{ caseHistory: typeof historyBefore }>(
      HISTORY,
      { id: caseId },
      app.token('AUDITOR'),
    );
    historyBefore = history.data!.caseHistory;
  }, 60_000);
  let stopped = false;
  afterAll(async () => {
    if (!stopped) await app?.app.close();
    rmSync(app.dataDir, { recursive: true, force: true });
  });

  it('keeps the personal information out of the event log even before any erasure', () => {
    const events = personalValuesInFiles(app.dataDir).filter((h) =>
      h.file.endsWith('events.sqlite'),
    );
    expect(events).toEqual([]);
    // the search finds what is there: the read models hold the names until the erasure
    const holders = personalValuesInFiles(app.dataDir).map((h) => h.file);
    expect(holders.some((f) => f.startsWith(join(app.dataDir, 'read-models.sqlite')))).toBe(true);
  });

  it('is refused for an open case, and for any role but ADMIN', async () => {
    const director = app.token('CHILD_DIRECTOR');
    const { caseId: open } = await mustMutate(
      app,
      'identifyChild',
      {
        idNumber: makeFictionalIdNumber('330106', '2013-05-06', 11),
        name: '开放个案',
        regionCode: '330106001001',
        source: 'VISIT',
        identifiedAt: '2026-01-05T09:00:00+08:00',
      },
      director,
    );
    const refused = await erase(app, open!);
    expect(codeOf(refused)).toBe('ILLEGAL_TRANSITION');
    for (const role of ['SUPERVISOR', 'CIVIL_AFFAIRS', 'AUDITOR', 'CHILD_DIRECTOR'] as const)
      expect(codeOf(await erase(app, caseId, app.token(role)))).toBe('FORBIDDEN');
    expect(codeOf(await erase(app, '00000000-0000-4000-8000-000000000000'))).toBe('NOT_FOUND');
  });

  it('erases a closed case: its name, ID number and guardian read null, erased reads true', async () => {
    const erased = await erase(app, caseId);
    expect(erased.errors).toBeUndefined();
    const read = await app.gql<ErasedCase>(ERASED_CASE, { id: caseId }, app.token('ADMIN'));
    expect(read.errors).toBeUndefined();
    expect(read.data!.case).toEqual({
      status: 'CLOSED',
      erased: true,
      child: { name: null, idNumber: null, idNumberMasked: '*'.repeat(18) },
      guardian: { kind: 'RELATIVE', name: null },
      revision: erased.data!.erasePersonalInformation.revision,
    });
  });

  it('leaves no byte of the name, ID number or guardian name in any file under DATA_DIR', () => {
    expect(personalValuesInFiles(app.dataDir)).toEqual([]);
  });

  it('keeps every event in the history, each hash unchanged, and the chain valid', async () => {
    const auditor = app.token('AUDITOR');
    const history = await app.gql<{ caseHistory: typeof historyBefore }>(
      HISTORY,
      { id: caseId },
      auditor,
    );
    const after = history.data!.caseHistory;
    expect(
      after
        .slice(0, historyBefore.length)
        .map(({ revision, type, hash }) => ({ revision, type, hash })),
    ).toEqual(historyBefore.map(({ revision, type, hash }) => ({ revision, type, hash })));
    expect(after.at(-1)?.type).toBe('PersonalInformationErased');
    expect(JSON.stringify(after)).not.toMatch(new RegExp(Object.values(PERSON).join('|')));
    const verified = await app.gql<{ verifyCaseHistory: { valid: boolean; events: number } }>(
      VERIFY,
      { id: caseId },
      auditor,
    );
    expect(verified.data!.verifyCaseHistory).toMatchObject({
      valid: true,
      events: historyBefore.length + 1,
    });
  });

  it('erases again without a new event, and the case cannot be reopened', async () => {
    const again = await erase(app, caseId);
    expect(again.errors).toBeUndefined();
    expect(again.data!.erasePersonalInformation.revision).toBe(historyBefore.length);
    const reopen = await app.gql(
      `mutation($input: ReopenCaseInput!) { reopenCase(input: $input) { revision } }`,
      { input: { caseId, reason: 'new report', reopenedAt: '2026-02-01T09:00:00+08:00' } },
      app.token('ADMIN'),
    );
    expect(codeOf(reopen)).toBe('ILLEGAL_TRANSITION');
  });

  it('keeps the key file private to the service', () => {
    expect(statSync(join(app.dataDir, 'keys.sqlite')).mode & 0o077).toBe(0);
    expect(statSync(join(app.dataDir, 'personal-data-key')).mode & 0o077).toBe(0);
  });

  describe('with the server stopped', () => {
    beforeAll(async () => {
      stopped = true;
      await app.app.close();
    });

    it('history:verify passes and projections:rebuild replays the erased case', () => {
      const env = { DATA_DIR: app.dataDir };
      const verify = runTool('history-verify', env);
      expect(verify.status).toBe(0);
      const rebuild = runTool('projections-rebuild', env);
      expect(rebuild.stderr + rebuild.stdout).toMatch(/Replayed \d+ events\./);
      expect(rebuild.status).toBe(0);
      expect(personalValuesInFiles(app.dataDir)).toEqual([]);
    }, 60_000);

    it('serves the rebuilt case as erased', async () => {
      const again = await TestApp.start({}, app.dataDir);
      try {
        const read = await again.gql<ErasedCase>(ERASED_CASE, { id: caseId }, again.token('ADMIN'));
        expect(read.data!.case).toMatchObject({
          erased: true,
          child: { name: null, idNumber: null },
          guardian: { name: null },
        });
      } finally {
        await again.close();
      }
    }, 60_000);
  });
});
