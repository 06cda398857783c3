import { InvalidEventStoreInput } from './errors';

const MAX_DEPTH = 256;

/**
 * JSON text for `value`, or InvalidEventStoreInput when JSON.parse would not give back an equal value:
 * BigInt, functions, symbols, NaN/Infinity, cycles, class instances (Date, Map, ...) and `undefined`
 * inside arrays are refused rather than silently changed. An `undefined` object property is
 * accepted and dropped, since reading the property back still gives `undefined`.
 */
export function toFaithfulJson(value: unknown, what: string): string {
  assertFaithful(value, what, new Set<object>(), 0);
  return JSON.stringify(value);
}

function assertFaithful(value: unknown, path: string, ancestors: Set<object>, depth: number): void {
  const refuse = (why: string, at = path): never => {
    throw new InvalidEventStoreInput(`${at} ${why}; it cannot be stored as JSON faithfully`);
  };
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) refuse(`is ${value}`);
      return;
    case 'object':
      break;
    default:
      refuse(`is a ${typeof value}`);
  }
  if (value === null) return;
  const object = value as object;
  if (depth >= MAX_DEPTH) refuse(`is nested more than ${MAX_DEPTH} levels deep`);
  if (ancestors.has(object)) refuse('contains a cycle');
  ancestors.add(object);
  if (Array.isArray(object)) {
    for (let i = 0; i < object.length; i++) {
      if (object[i] === undefined) refuse('is undefined or a hole', `${path}[${i}]`);
      assertFaithful(object[i], `${path}[${i}]`, ancestors, depth + 1);
    }
  } else {
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      refuse(`is a ${object.constructor?.name ?? 'non-plain'} object`);
    }
    if (Object.getOwnPropertySymbols(object).length > 0) refuse('has symbol keys');
    for (const [key, item] of Object.entries(object)) {
      if (item !== undefined) assertFaithful(item, `${path}.${key}`, ancestors, depth + 1);
    }
  }
  ancestors.delete(object);
}
