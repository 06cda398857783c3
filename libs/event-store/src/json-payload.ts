import { InvalidEventStoreInput } from './errors';

const MAX_DEPTH = 256;

/**
 * JSON text for `value`, or InvalidEventStoreInput when JSON.parse would not give back an equal value:
 * BigInt, functions, symbols, NaN/Infinity, cycles, class instances (Date, Map, ...) and `undefined`
 * inside arrays are refused rather than silently changed. An `undefined` object property is
 * accepted and dropped, since reading the property back still gives `undefined`.
 */
export function toFaithfulJson(value: unknown, what: string): string {
  new FaithfulCheck(what).check(value, 0);
  return JSON.stringify(value);
}

/** Walks a value; where it is (`data.items[0]`) is written out only for a refusal. */
class FaithfulCheck {
  private readonly ancestors = new Set<object>();
  private readonly keys: (string | number)[] = [];

  constructor(private readonly root: string) {}

  check(value: unknown, depth: number): void {
    switch (typeof value) {
      case 'string':
      case 'boolean':
        return;
      case 'number':
        if (!Number.isFinite(value)) this.refuse(`is ${value}`);
        return;
      case 'object':
        if (value === null) return;
        break;
      default:
        this.refuse(`is a ${typeof value}`);
    }
    const object = value as object;
    if (depth >= MAX_DEPTH) this.refuse(`is nested more than ${MAX_DEPTH} levels deep`);
    if (this.ancestors.has(object)) this.refuse('contains a cycle');
    this.ancestors.add(object);
    if (Array.isArray(object)) this.checkItems(object, depth);
    else this.checkProperties(object, depth);
    this.ancestors.delete(object);
  }

  private checkItems(items: unknown[], depth: number): void {
    for (let i = 0; i < items.length; i++) {
      this.keys.push(i);
      if (items[i] === undefined) this.refuse('is undefined or a hole');
      this.check(items[i], depth + 1);
      this.keys.pop();
    }
  }

  private checkProperties(object: object, depth: number): void {
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      this.refuse(`is a ${object.constructor?.name ?? 'non-plain'} object`);
    }
    if (Object.getOwnPropertySymbols(object).length > 0) this.refuse('has symbol keys');
    for (const key of Object.keys(object)) {
      const item = (object as Record<string, unknown>)[key];
      if (item === undefined) continue;
      this.keys.push(key);
      this.check(item, depth + 1);
      this.keys.pop();
    }
  }

  private refuse(why: string): never {
    const at = this.keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
    throw new InvalidEventStoreInput(
      `${this.root}${at} ${why}; it cannot be stored as JSON faithfully`,
    );
  }
}
