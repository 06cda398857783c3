import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MONITORING_POLICY, DEFAULT_POLICY } from '@app/domain';
import { ConfigError, loadConfig } from './app-config';
import { DEFAULT_POLICIES, loadPolicyFile, parsePolicy, PolicyFileError } from './policy';

const dir = mkdtempSync(join(tmpdir(), 'policy-spec-'));
const fileWith = (text: string): string => {
  const file = join(dir, `p-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return file;
};

describe('the policy file', () => {
  it('is the built-in policy when POLICY_FILE is unset or empty', () => {
    expect(loadPolicyFile(undefined)).toBe(DEFAULT_POLICIES);
    expect(loadPolicyFile('')).toBe(DEFAULT_POLICIES);
    expect(parsePolicy({})).toEqual(DEFAULT_POLICIES);
  });

  it('replaces the fields it gives, a record entry by entry, and keeps every other default', () => {
    const policy = parsePolicy({
      case: {
        visitIntervalDays: { RED: 3 },
        medicalCoverageSharePercent: { MARGINAL_LOW_INCOME: 75 },
        retakeYears: 2,
      },
      monitoring: {
        candidateRetentionDays: 30,
        kinds: { PARENT_IMPRISONED: { category: 'DE_FACTO_UNSUPPORTED' } },
      },
    });
    expect(policy.case).toEqual({
      ...DEFAULT_POLICY,
      visitIntervalDays: { ...DEFAULT_POLICY.visitIntervalDays, RED: 3 },
      medicalCoverageSharePercent: {
        ...DEFAULT_POLICY.medicalCoverageSharePercent,
        MARGINAL_LOW_INCOME: 75,
      },
      retakeYears: 2,
    });
    expect(policy.monitoring).toEqual({
      kinds: {
        ...DEFAULT_MONITORING_POLICY.kinds,
        PARENT_IMPRISONED: { category: 'DE_FACTO_UNSUPPORTED' },
      },
      candidateRetentionDays: 30,
    });
    // the defaults themselves are untouched
    expect(DEFAULT_POLICY.visitIntervalDays.RED).toBe(7);
  });

  it.each([
    [[], /the policy must be an object/],
    [{ cases: {} }, /^cases is not a policy field/],
    [
      { case: { graduationGrantMonths: 6.5 } },
      /^case\.graduationGrantMonths must be a whole number from 0 to 120 \(it is 6\.5\)/,
    ],
    [{ case: { ageOfMajority: 18 } }, /^case\.ageOfMajority cannot be set in the policy file yet/],
    [
      { monitoring: { kinds: { SCHOOL_DROPOUT: { category: 'DROPOUT' } } } },
      /^monitoring\.kinds\.SCHOOL_DROPOUT\.category must be one of ORPHAN/,
    ],
    [
      { monitoring: { kinds: { SCHOOL_DROPOUT: { risk: false } } } },
      /^monitoring\.kinds\.SCHOOL_DROPOUT\.risk must be true/,
    ],
    [
      { monitoring: { kinds: { HOMELESS: { risk: true } } } },
      /^monitoring\.kinds\.HOMELESS is not a policy field/,
    ],
    [
      { case: { visitIntervalDays: { PURPLE: 3 } } },
      /^case\.visitIntervalDays\.PURPLE is not a policy field/,
    ],
    [
      { case: { monthlyProgrammes: ['BASIC_LIVING_ALLOWANCE', 'BASIC_LIVING_ALLOWANCE'] } },
      /lists BASIC_LIVING_ALLOWANCE more than once/,
    ],
    [
      { case: { oneOffProgrammes: ['BASIC_LIVING_ALLOWANCE'] } },
      /cannot be both in oneOffProgrammes and in monthlyProgrammes/,
    ],
    [
      { case: { eligibility: { CARE_SERVICES: { kind: 'SOME' } } } },
      /^case\.eligibility\.CARE_SERVICES\.kind must be one of CATEGORIES/,
    ],
    [
      { case: { eligibility: { CARE_SERVICES: { kind: 'CATEGORIES', categories: ['X'] } } } },
      /^case\.eligibility\.CARE_SERVICES\.categories\[0\] must be one of/,
    ],
    [{ case: { extensionLevels: 'UNDERGRADUATE' } }, /^case\.extensionLevels must be an array/],
    [
      { monitoring: { candidateRetentionDays: '90' } },
      /^monitoring\.candidateRetentionDays must be a whole number/,
    ],
  ])('refuses %j, naming the field', (json, message) => {
    expect(() => parsePolicy(json)).toThrow(PolicyFileError);
    expect(() => parsePolicy(json)).toThrow(message);
  });

  it('stops the configuration with POLICY_FILE and the field in the message', () => {
    const base = { DATA_DIR: dir, AUTH_JWT_SECRET: 'x'.repeat(32) };
    const bad = fileWith(JSON.stringify({ case: { retakeYears: -1 } }));
    expect(() => loadConfig({ ...base, POLICY_FILE: bad })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, POLICY_FILE: bad })).toThrow(
      `POLICY_FILE (${bad}): case.retakeYears must be a whole number from 0 to 10 (it is -1)`,
    );
    expect(() => loadConfig({ ...base, POLICY_FILE: join(dir, 'missing.json') })).toThrow(
      /POLICY_FILE \(.*missing\.json\): cannot be read \(ENOENT\)/,
    );
    const good = fileWith(JSON.stringify({ case: { visitIntervalDays: { GREEN: 60 } } }));
    expect(loadConfig({ ...base, POLICY_FILE: good }).policy.case.visitIntervalDays.GREEN).toBe(60);
    expect(loadConfig(base).policy).toBe(DEFAULT_POLICIES);
  });
});
