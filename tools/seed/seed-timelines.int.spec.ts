import { DEFAULT_POLICY } from '@app/domain';
import type { CaseCommandInput } from '../../apps/api/src/cases/case-command.service';
import { TestApp } from '../../test/support/test-app';
import { PRESETS } from './regions';
import { planRegion, type ChildPlan, type PlannedStep } from './seed-plan';
import { runSeed } from './seed-runner';

const AS_OF = '2026-11-01';
const AT = `${AS_OF}T00:00:00+08:00`;
const minuteBefore = (at: string) => new Date(Date.parse(at) - 60_000).toISOString();

type Found = { child: ChildPlan; caseId: string; step: PlannedStep; command: CaseCommandInput };

/** The case as of a moment; the child's name for an admin (auditors never read it). */
const caseAsOf = (withName: boolean) => `query($id: ID!, $at: DateTime!, $knownAt: DateTime) {
  caseAsOf(caseId: $id, at: $at, knownAt: $knownAt) {
    child { ${withName ? 'name' : 'idNumberMasked'} } guardian { kind } } }`;
type AsOf = { caseAsOf: { child: { name?: string }; guardian: { kind: string } | null } };

/**
 * The demo's histories as an auditor meets them: facts recorded days after they happened, court
 * acts posted after they took effect, names corrected weeks later, agencies with real-looking
 * names; so `caseAsOf(knownAt:)` shows what was known when.
 */
describe('a seeded region, as an auditor sees its timelines', () => {
  let app: TestApp;
  const plan = planRegion(PRESETS.zibo, {
    policy: DEFAULT_POLICY,
    seed: 11,
    asOf: AS_OF,
    children: 100,
  });
  const caseIds: (string | null)[] = [];
  beforeAll(async () => {
    app = await TestApp.start();
    const report = await runSeed(app.app, plan, {
      concurrency: 8,
      asOf: AS_OF,
      onChild: (caseId, index) => (caseIds[index] = caseId),
    });
    expect(report.refused).toEqual({});
  }, 120_000);
  afterAll(() => app.close());

  const find = (match: (command: CaseCommandInput, step: PlannedStep) => boolean): Found => {
    for (const [index, child] of plan.children.entries())
      for (const step of child.steps) {
        const command = step.command(caseIds[index]!);
        if (match(command, step)) return { child, caseId: caseIds[index]!, step, command };
      }
    throw new Error('the plan has no such step');
  };
  const asOf = async (role: 'ADMIN' | 'AUDITOR', id: string, at: string, knownAt?: string) => {
    const document = caseAsOf(role === 'ADMIN');
    const answer = await app.gql<AsOf>(document, { id, at, knownAt }, app.token(role));
    expect(answer.errors).toBeUndefined();
    return answer.data!.caseAsOf;
  };

  it('shows a late name correction only from when it was recorded', async () => {
    const { child, caseId, step, command } = find((c) => c.type === 'CorrectCase');
    const corrected = (command.data as { to: string }).to;
    expect(corrected).not.toBe(child.identify.data.name);
    const before = await asOf('ADMIN', caseId, AT, minuteBefore(step.recordedAt));
    const now = await asOf('ADMIN', caseId, AT);
    expect(before.child.name).toBe(child.identify.data.name);
    expect(now.child.name).toBe(corrected);
  });

  it('shows a court ruling recorded after it took effect where it took effect, once known', async () => {
    const late = (c: CaseCommandInput, s: PlannedStep) => {
      const act = c.data as { act?: string; effectiveOn?: string };
      return (
        c.type === 'RecordGuardianshipAct' &&
        act.act === 'GUARDIANSHIP_REVOKED' &&
        Date.parse(s.recordedAt) > Date.parse(`${act.effectiveOn}T23:59:59+08:00`)
      );
    };
    const { caseId, step, command } = find(late);
    const effectiveOn = (command.data as { effectiveOn: string }).effectiveOn;
    const at = `${effectiveOn}T23:00:00+08:00`;
    const known = await asOf('AUDITOR', caseId, at, minuteBefore(step.recordedAt));
    const now = await asOf('AUDITOR', caseId, at);
    expect(known.guardian?.kind).not.toBe('CIVIL_AFFAIRS');
    expect(now.guardian?.kind).toBe('CIVIL_AFFAIRS');
  });

  it('records every fact at a past moment of its own, by agencies with real-looking names', async () => {
    const { caseId } = find((c) => c.type === 'RecordGuardianshipAct');
    const history = await app.gql<{
      caseHistory: {
        type: string;
        occurredAt: string;
        recordedAt: string;
        actor: { agency: string | null };
        data: { docketNumber?: string };
      }[];
    }>(
      `query($id: ID!) { caseHistory(caseId: $id) { type occurredAt recordedAt actor { agency } data } }`,
      { id: caseId },
      app.token('AUDITOR'),
    );
    const events = history.data!.caseHistory.filter((e) => !/AgedOut|Protection/.test(e.type));
    const recorded = events.map((e) => Date.parse(e.recordedAt));
    expect(recorded.every((t) => t <= Date.parse(AT))).toBe(true);
    expect(new Set(events.map((e) => e.recordedAt.slice(0, 10))).size).toBeGreaterThan(3);
    const assigned = events.find((e) => e.type === 'CaseworkerAssigned')!;
    expect(Date.parse(assigned.occurredAt)).toBeLessThan(Date.parse(AT));
    const acts = events.filter((e) => e.actor.agency);
    expect(acts.length).toBeGreaterThan(0);
    for (const act of acts) {
      expect(act.actor.agency).toMatch(/^(淄博市..区|..县)人民(法院|检察院)$/);
      expect(act.data.docketNumber).toMatch(/^\(20\d\d\)鲁03\d\d民特\d+号$/);
    }
  });
});
