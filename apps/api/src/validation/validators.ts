import { Transform } from 'class-transformer';
import { ValidateBy, type ValidationArguments, type ValidationOptions } from 'class-validator';
import {
  businessDateOf,
  CHILD_CATEGORIES,
  idNumberProblem,
  isNotFutureDate,
  isNotFutureDateTime,
  isRegionPrefix,
  isRiskScore,
  isText,
  isValidDate,
  isValidDateTime,
  isValidMonth,
  isVillageCode,
  MESSAGES,
  normalizeIdNumber,
  TEXT_LIMITS,
  tryParseYuan,
} from '@app/domain';
import { systemClock } from '@app/runtime/clock/clock';
import { StandardCategoryRule } from './policy-rules';

/**
 * The DTOs' rules are the domain's: the same predicates, limits and messages (MESSAGES), so a
 * field reads the same whether GraphQL, a DTO or the domain refused it. An absent required value
 * reads "is required" whatever the rule.
 */
function rule(
  name: string,
  validate: (value: unknown) => boolean,
  message: string | ((value: unknown) => string),
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate,
        defaultMessage: (args?: ValidationArguments) => {
          const value = args?.value;
          if (value === undefined || value === null) return MESSAGES.required;
          return typeof message === 'string' ? message : message(value);
        },
      },
    },
    options,
  );
}

const now = () => systemClock.now().toISOString();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text of at most `max` characters (code points): TEXT_LIMITS of libs/domain. */
export const IsText = (max: number, { optional = false } = {}, options?: ValidationOptions) =>
  rule(
    'isText',
    (v) => isText(v, max, !optional),
    optional ? MESSAGES.optionalText(max) : MESSAGES.text(max),
    options,
  );

/** Resident ID number (GB 11643): shape, check digit, a real birth date not in the future. */
export const IsIdNumber = (options?: ValidationOptions) =>
  rule(
    'isIdNumber',
    (v) => idNumberProblem(v, businessDateOf(now())) === null,
    (v) => MESSAGES.idNumber[idNumberProblem(v, businessDateOf(now())) ?? 'shape'],
    options,
  );

export const IsVillageCode = (options?: ValidationOptions) =>
  rule('isVillageCode', isVillageCode, MESSAGES.villageCode, options);

export const IsRegionPrefix = (options?: ValidationOptions) =>
  rule('isRegionPrefix', isRegionPrefix, MESSAGES.regionPrefix, options);

export const IsBusinessDate = (options?: ValidationOptions) =>
  rule('isBusinessDate', isValidDate, MESSAGES.date, options);

export const IsDateTimeWithOffset = (options?: ValidationOptions) =>
  rule('isDateTimeWithOffset', isValidDateTime, MESSAGES.dateTime, options);

export const IsYearMonth = (options?: ValidationOptions) =>
  rule('isYearMonth', isValidMonth, MESSAGES.month, options);

/** A date of something that has happened: not after today (China time). */
export const IsPastDate = (options?: ValidationOptions) =>
  rule(
    'isPastDate',
    (v) => isValidDate(v) && isNotFutureDate(v, now()),
    (v) => (isValidDate(v) ? MESSAGES.notInFuture : MESSAGES.date),
    options,
  );

/** A date-time of something that has happened: not later than now (a few minutes' tolerance). */
export const IsPastDateTime = (options?: ValidationOptions) =>
  rule(
    'isPastDateTime',
    (v) => isValidDateTime(v) && isNotFutureDateTime(v, now()),
    (v) => (isValidDateTime(v) ? MESSAGES.notInFuture : MESSAGES.dateTime),
    options,
  );

/** Money in yuan as a decimal string, at most two decimals ("1978.00"), more than 0.00. */
export const IsYuan = (options?: ValidationOptions) =>
  rule(
    'isYuan',
    (v) => (tryParseYuan(v) ?? 0) > 0,
    (v) => (tryParseYuan(v) === null ? MESSAGES.yuan : MESSAGES.positiveAmount),
    options,
  );

/** A `consistentWith`: what a mutation answered (its form is the event store's to judge). */
export const IsPosition = (options?: ValidationOptions) =>
  rule('isPosition', (v) => isText(v, 64), MESSAGES.position, options);

/** An `after` cursor (whether it is one of this list is the list's to judge). */
export const IsCursor = (options?: ValidationOptions) =>
  rule('isCursor', (v) => isText(v, 512), MESSAGES.cursor, options);

export const IsCaseId = (options?: ValidationOptions) =>
  rule('isCaseId', (v) => typeof v === 'string' && UUID.test(v), MESSAGES.caseId, options);

export const IsOneOf = (values: readonly (string | number)[], options?: ValidationOptions) =>
  rule('isOneOf', (v) => values.includes(v as string), MESSAGES.oneOf(values), options);

export const IsFlag = (options?: ValidationOptions) =>
  rule('isFlag', (v) => typeof v === 'boolean', MESSAGES.boolean, options);

export const IsRiskScore = (options?: ValidationOptions) =>
  rule('isRiskScore', isRiskScore, MESSAGES.riskScore, options);

export const IsRevision = (options?: ValidationOptions) =>
  rule(
    'isRevision',
    (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
    MESSAGES.revision,
    options,
  );

/** A category some monthly allowance is paid for under the configured policy (StandardCategoryRule). */
export const IsStandardCategory = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isStandardCategory', validator: StandardCategoryRule }, options);

/** A list of known categories, at least one when `atLeastOne`. */
export const IsCategories = ({ atLeastOne = false } = {}, options?: ValidationOptions) =>
  rule(
    'isCategories',
    (v) =>
      Array.isArray(v) &&
      v.every((c) => (CHILD_CATEGORIES as readonly unknown[]).includes(c)) &&
      (!atLeastOne || v.length > 0),
    (v) =>
      !Array.isArray(v)
        ? MESSAGES.list
        : v.length === 0
          ? MESSAGES.atLeastOneCategory
          : MESSAGES.oneOf(CHILD_CATEGORIES),
    options,
  );

/** What `to` must be for the `field` a correction names (the domain checks it against the case). */
function correctionProblem(field: unknown, value: unknown): string | null {
  switch (field) {
    case 'name':
      return isText(value, TEXT_LIMITS.childName) ? null : MESSAGES.text(TEXT_LIMITS.childName);
    case 'idNumber': {
      const problem = idNumberProblem(value, businessDateOf(now()));
      return problem === null ? null : MESSAGES.idNumber[problem];
    }
    case 'birthDate':
      if (!isValidDate(value)) return MESSAGES.date;
      return isNotFutureDate(value, now()) ? null : MESSAGES.notInFuture;
    default:
      return null; // the field itself is refused
  }
}

export const IsCorrectionValue = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isCorrectionValue',
      validator: {
        validate: (value, args) => correctionProblem(fieldOf(args), value) === null,
        defaultMessage: (args) =>
          args?.value === undefined || args?.value === null
            ? MESSAGES.required
            : (correctionProblem(fieldOf(args), args?.value) ?? MESSAGES.required),
      },
    },
    options,
  );

const fieldOf = (args?: ValidationArguments): unknown =>
  (args?.object as { field?: unknown } | undefined)?.field;

/** An ID number as typed: surrounding spaces dropped, a lower-case check character x read as X. */
export const NormalizeIdNumber = () =>
  Transform(({ value }) => (typeof value === 'string' ? normalizeIdNumber(value) : value));
