import { compareDates, isValidDate } from '../shared/dates';
import { MESSAGES } from '../shared/messages';
import type { BusinessDate } from '../shared/types';

/** Resident ID numbers (公民身份号码, GB 11643). Never log or echo the value itself. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

// "last character is an ISO 7064 MOD 11-2 check digit"
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

// "birth date in characters 7-14"
export function birthDateFromIdNumber(idNumber: string): BusinessDate {
  return `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
}

export type IdNumberProblem = 'shape' | 'checkDigit' | 'birthDate' | 'bornAfterToday';

/**
 * Why an ID number is not acceptable, or null. Upper-case X only (callers normalise with
 * `normalizeIdNumber`). `today` bounds the birth date: nobody is born in the future.
 */
export function idNumberProblem(idNumber: unknown, today: BusinessDate): IdNumberProblem | null {
  if (typeof idNumber !== 'string' || !SHAPE.test(idNumber)) return 'shape';
  if (idNumberCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return 'checkDigit';
  const birthDate = birthDateFromIdNumber(idNumber);
  if (!isValidDate(birthDate)) return 'birthDate';
  if (compareDates(birthDate, today) > 0) return 'bornAfterToday';
  return null;
}

// "18-character resident ID number (GB 11643, last character is an ISO 7064 MOD 11-2 check digit)"
export function isValidIdNumber(idNumber: unknown, today: BusinessDate): idNumber is string {
  return idNumberProblem(idNumber, today) === null;
}

export const ID_NUMBER_PROBLEM_MESSAGES: Record<IdNumberProblem, string> = MESSAGES.idNumber;

/** Trims and upper-cases a trailing x; anything else is left for validation to refuse. */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** Characters an ID number's masked form keeps: the 6-digit region of registration. */
export const ID_NUMBER_MASK_KEEPS = 6;

/**
 * The region kept, the rest masked: `330102************`. Characters 7-14 are the birth date,
 * which readers of a case get anyway: with it, the masked form still leaves the 3-digit sequence
 * (1,000 numbers; the check character follows from the rest). Keeping any of 15-18 would narrow
 * that to 100 or fewer. Anything not 18 long is fully masked.
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length !== 18) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, ID_NUMBER_MASK_KEEPS) + '*'.repeat(18 - ID_NUMBER_MASK_KEEPS);
}

/**
 * A well-formed, fictional ID number for test data and seeding (never a real person's): region
 * (6 digits), birth date, a 3-digit sequence (odd: male, even: female), then the check character.
 */
export function makeFictionalIdNumber(
  region6: string,
  birthDate: BusinessDate,
  sequence3: number | string,
): string {
  const sequence = String(sequence3).padStart(3, '0');
  if (!/^\d{6}$/.test(region6)) throw new RangeError('region6 must be 6 digits');
  if (!isValidDate(birthDate)) throw new RangeError('birthDate must be YYYY-MM-DD');
  if (!/^\d{3}$/.test(sequence)) throw new RangeError('sequence3 must be 0-999');
  const first17 = `${region6}${birthDate.replaceAll('-', '')}${sequence}`;
  return first17 + idNumberCheckChar(first17);
}
