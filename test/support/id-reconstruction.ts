import { idNumberCheckChar } from '@app/domain';

/**
 * An attacker's count of the ID numbers consistent with what a reader saw of one case: a masked
 * form (`*` for each hidden character, or a number in full) and a birth date (YYYY-MM-DD, the
 * ID number's characters 7-14). Counts exactly where few characters are unknown, and a lower
 * bound otherwise (10^k numbers for k free digits, one in eleven kept by a known check character).
 */
export function candidateCount(masked: string, birthDate: string | null): number {
  if (!/^[\d*]{17}[\dX*]$/.test(masked)) throw new RangeError('not an ID number or its mask');
  const known = masked.split('');
  if (birthDate !== null) {
    const digits = birthDate.replaceAll('-', '');
    for (let i = 0; i < 8; i++) {
      if (known[6 + i] !== '*' && known[6 + i] !== digits[i]) return 0; // another child's date
      known[6 + i] = digits[i];
    }
  }
  const free = known.slice(0, 17).flatMap((c, i) => (c === '*' ? [i] : []));
  const check = known[17];
  if (check === '*') return 10 ** free.length;
  if (free.length > 5) return Math.floor(10 ** free.length / 11);
  let count = 0;
  for (let n = 0; n < 10 ** free.length; n++) {
    const digits = String(n).padStart(free.length, '0');
    free.forEach((position, j) => (known[position] = digits[j]));
    if (idNumberCheckChar(known.slice(0, 17).join('')) === check) count++;
  }
  return count;
}

/** Every masked or full ID number in a text (JSON answers, CSV files). */
export function idNumberShapesIn(text: string): string[] {
  return [...text.matchAll(/(?<![\dX*])[\d*]{17}[\dX*](?![\dX*])/g)]
    .map((m) => m[0])
    .filter((shape) => /\d{6}/.test(shape.slice(0, 6)));
}

/** Every date in a text: any of them may be the birth date. */
export function datesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)].map((m) => m[0]))];
}

/**
 * The attacker's best: the fewest numbers left by any masked form paired with any date seen,
 * among the pairs the true number agrees with (a pair it contradicts would mislead the attacker,
 * who can tell by nothing). Infinity when the text holds no ID number shape at all.
 */
export function fewestCandidates(text: string, trueIdNumber: string): number {
  const shapes = idNumberShapesIn(text).filter((shape) => agrees(shape, trueIdNumber));
  const dates = [null, ...datesIn(text)];
  let fewest = Infinity;
  for (const shape of shapes)
    for (const date of dates) {
      if (date !== null && !agrees(date.replaceAll('-', ''), trueIdNumber.slice(6, 14))) continue;
      fewest = Math.min(fewest, candidateCount(shape, date));
    }
  return fewest;
}

const agrees = (shape: string, value: string) =>
  shape.length === value.length && [...shape].every((c, i) => c === '*' || c === value[i]);
