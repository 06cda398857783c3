/** A path into an event's data, e.g. `['child', 'name']`. */
export type FieldPath = readonly string[];

const NOTES: FieldPath = ['notes'];
const CHILD: FieldPath[] = [
  ['child', 'name'],
  ['child', 'idNumber'],
];

/**
 * The personal information each case event carries: the child's name and ID number, the names of
 * guardians and petitioners, and free text written about the child (notes, how it was found).
 * "The ID number and name are personal information": these fields are stored sealed under the
 * case's data key, and erasing the case's personal information destroys that key.
 */
const PERSONAL_FIELDS: Readonly<Record<string, readonly FieldPath[]>> = {
  ChildIdentified: [...CHILD, ['guardian', 'name'], ['sourceDetail']],
  RiskAssessed: [NOTES],
  VisitRecorded: [NOTES],
  GuardianshipCrisisReported: [NOTES],
  GuardianUrged: [NOTES],
  ProcuratorateSupportFiled: [NOTES],
  RevocationPetitioned: [['petitioner'], NOTES],
  GuardianshipRevoked: [['revokedGuardian', 'name'], ['newGuardian', 'name'], NOTES],
  GuardianAppointed: [['newGuardian', 'name'], NOTES],
  GuardianshipRestored: [['restoredGuardian', 'name'], NOTES],
};

/** A corrected name or ID number is personal; a corrected birth date is kept (age rules read it). */
const CORRECTION_VALUES: FieldPath[] = [['from'], ['to']];

/** The paths of `data` that hold personal information (a string there) for an event of `type`. */
export function personalFieldPaths(type: string, data: unknown): FieldPath[] {
  if (data === null || typeof data !== 'object') return [];
  const paths =
    type === 'CaseCorrected'
      ? (data as { field?: unknown }).field === 'birthDate'
        ? []
        : CORRECTION_VALUES
      : (PERSONAL_FIELDS[type] ?? []);
  return paths.filter((path) => typeof valueAt(data, path) === 'string');
}

export function valueAt(data: unknown, path: FieldPath): unknown {
  let at: unknown = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** A copy of `data` with `value` at each of `paths` (objects on the way copied, never mutated). */
export function withValuesAt(
  data: unknown,
  paths: readonly FieldPath[],
  values: unknown[],
): unknown {
  let out = data;
  paths.forEach((path, i) => {
    out = setAt(out, path, values[i]);
  });
  return out;
}

function setAt(data: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  const [key, ...rest] = path;
  if (!(key in record)) return data;
  return { ...record, [key]: setAt(record[key], rest, value) };
}
