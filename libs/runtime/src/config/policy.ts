import { readFileSync } from 'node:fs';
import {
  CHILD_CATEGORIES,
  DEFAULT_MONITORING_POLICY,
  DEFAULT_POLICY,
  EDUCATION_LEVELS,
  PROGRAMMES,
  RISK_LEVELS,
  ROSTER_KINDS,
  type CasePolicy,
  type Eligibility,
  type MonitoringPolicy,
  type RosterMeaning,
} from '@app/domain';

/**
 * The policy data of every rule, write side and read side alike: the case rules (visits,
 * eligibility, money, age-out) and the monitoring rules (roster kinds, candidate retention).
 * Loaded once at start (POLICY_FILE, else the built-in defaults) and provided to both sides
 * through Nest (CASE_POLICY, MONITORING_POLICY), never taken from a default parameter.
 */
export type Policy = { case: CasePolicy; monitoring: MonitoringPolicy };

export const DEFAULT_POLICIES: Policy = {
  case: DEFAULT_POLICY,
  monitoring: DEFAULT_MONITORING_POLICY,
};

/** Nest tokens of the configured policy (provided with APP_CONFIG, from `config.policy`). */
export const CASE_POLICY = Symbol('CASE_POLICY');
export const MONITORING_POLICY = Symbol('MONITORING_POLICY');

/** A field of the policy file that is missing its shape: its dotted path and what it must be. */
export class PolicyFileError extends Error {}

type Json = unknown;

const fail = (path: string, what: string, value: Json): never => {
  throw new PolicyFileError(`${path} must be ${what} (it is ${describe(value)})`);
};

function describe(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 40));
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function objectAt(path: string, value: Json): Record<string, Json> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(path, 'an object', value);
  return value as Record<string, Json>;
}

/** Only the keys listed: a misspelt field must not be ignored (the default would apply silently). */
function onlyKeys(path: string, value: Record<string, Json>, allowed: readonly string[]): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      throw new PolicyFileError(
        `${path ? `${path}.` : ''}${key} is not a policy field (${path || 'the file'} takes ${allowed.join(', ')})`,
      );
}

function wholeNumber(path: string, value: Json, least: number, most: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < least || value > most)
    return fail(path, `a whole number from ${least} to ${most}`, value);
  return value;
}

function oneOfList<T extends string>(path: string, value: Json, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value))
    return fail(path, `one of ${allowed.join(', ')}`, value);
  return value as T;
}

function listOf<T extends string>(path: string, value: Json, allowed: readonly T[]): T[] {
  if (!Array.isArray(value)) return fail(path, 'an array', value);
  const items = value.map((item, i) => oneOfList(`${path}[${i}]`, item, allowed));
  const repeated = items.find((item, i) => items.indexOf(item) !== i);
  if (repeated !== undefined) throw new PolicyFileError(`${path} lists ${repeated} more than once`);
  return items;
}

/** A record keyed by `keys`: the file's entries replace the defaults' one by one. */
function recordOf<K extends string, V>(
  path: string,
  value: Json,
  keys: readonly K[],
  base: Partial<Record<K, V>>,
  parse: (path: string, value: Json) => V,
): Partial<Record<K, V>> {
  const given = objectAt(path, value);
  onlyKeys(path, given, keys);
  const out: Partial<Record<K, V>> = { ...base };
  for (const [key, item] of Object.entries(given)) out[key as K] = parse(`${path}.${key}`, item);
  return out;
}

function eligibilityOf(path: string, value: Json): Eligibility {
  const given = objectAt(path, value);
  const kind = oneOfList(`${path}.kind`, given.kind, ['CATEGORIES', 'ANY_CATEGORY', 'ANY_CASE']);
  if (kind !== 'CATEGORIES') {
    onlyKeys(path, given, ['kind']);
    return { kind };
  }
  onlyKeys(path, given, ['kind', 'categories']);
  return { kind, categories: listOf(`${path}.categories`, given.categories, CHILD_CATEGORIES) };
}

/** What a roster kind means: `{"category": CATEGORY}` or `{"risk": true}`. */
function rosterMeaningOf(path: string, value: Json): RosterMeaning {
  const given = objectAt(path, value);
  if ('risk' in given) {
    onlyKeys(path, given, ['risk']);
    if (given.risk !== true) return fail(`${path}.risk`, 'true', given.risk);
    return { risk: true };
  }
  onlyKeys(path, given, ['category']);
  return { category: oneOfList(`${path}.category`, given.category, CHILD_CATEGORIES) };
}

/**
 * Fields the file may not set yet: the age of majority is not recorded in the events decided by
 * it (an age-out), so a fold that undoes one on a corrected birth date reads the built-in age.
 */
const NOT_YET =
  'cannot be set in the policy file yet: events decided by it do not record the age they used';
const notYet = (path: string): never => {
  throw new PolicyFileError(`${path} ${NOT_YET}`);
};

/** How each field of a section is read: its path, the file's value, the default's value. */
type Fields<T> = { [K in keyof T]: (path: string, value: Json, base: T[K]) => T[K] };

const wholeNumbers =
  (least: number, most: number) =>
  (path: string, value: Json): number =>
    wholeNumber(path, value, least, most);
const programmes = (path: string, value: Json) => listOf(path, value, PROGRAMMES);

const CASE_FIELDS: Fields<CasePolicy> = {
  visitIntervalDays: (path, value, base) =>
    recordOf(path, value, RISK_LEVELS, base, wholeNumbers(1, 3660)) as typeof base,
  eligibility: (path, value, base) =>
    recordOf(path, value, PROGRAMMES, base, eligibilityOf) as typeof base,
  oneOffProgrammes: programmes,
  fastTrackProgrammes: programmes,
  monthlyProgrammes: programmes,
  medicalCoverageSharePercent: (path, value, base) =>
    recordOf(path, value, CHILD_CATEGORIES, base, wholeNumbers(0, 100)),
  ageOfMajority: notYet,
  extensionLevels: (path, value) => listOf(path, value, EDUCATION_LEVELS),
  retakeYears: wholeNumbers(0, 10),
  graduationGrantMonths: wholeNumbers(0, 120),
};

const MONITORING_FIELDS: Fields<MonitoringPolicy> = {
  kinds: (path, value, base) =>
    recordOf(path, value, ROSTER_KINDS, base, rosterMeaningOf) as typeof base,
  candidateRetentionDays: wholeNumbers(1, 3660),
};

/** A section of the file over its defaults: only its own fields, each read by its parser. */
function sectionOf<T extends object>(path: string, value: Json, base: T, fields: Fields<T>): T {
  const given = objectAt(path, value);
  onlyKeys(path, given, Object.keys(fields));
  const section = { ...base };
  for (const [field, item] of Object.entries(given)) {
    const key = field as keyof T;
    section[key] = fields[key](`${path}.${field}`, item, base[key]);
  }
  return section;
}

function casePolicyOf(path: string, value: Json, base: CasePolicy): CasePolicy {
  const policy = sectionOf(path, value, base, CASE_FIELDS);
  const oneOffAndMonthly = policy.oneOffProgrammes.find((p) =>
    policy.monthlyProgrammes.includes(p),
  );
  if (oneOffAndMonthly !== undefined)
    throw new PolicyFileError(
      `${path}: ${oneOffAndMonthly} cannot be both in oneOffProgrammes and in monthlyProgrammes`,
    );
  return policy;
}

/**
 * The policy a file's JSON describes: each field it gives replaces the default's (a record such as
 * `visitIntervalDays` entry by entry), every other field keeps the built-in default. A field the
 * policy does not have, or a value of the wrong shape, is an error naming the field.
 */
export function parsePolicy(json: Json, base: Policy = DEFAULT_POLICIES): Policy {
  const given = objectAt('the policy', json);
  onlyKeys('', given, ['case', 'monitoring']);
  return Object.freeze({
    case: 'case' in given ? casePolicyOf('case', given.case, base.case) : base.case,
    monitoring:
      'monitoring' in given
        ? sectionOf('monitoring', given.monitoring, base.monitoring, MONITORING_FIELDS)
        : base.monitoring,
  });
}

/** POLICY_FILE's policy (JSON), or the built-in defaults without it. */
export function loadPolicyFile(path: string | undefined): Policy {
  if (path === undefined || path === '') return DEFAULT_POLICIES;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new PolicyFileError(
      `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  let json: Json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PolicyFileError(`is not JSON (${(error as Error).message})`);
  }
  return parsePolicy(json);
}
