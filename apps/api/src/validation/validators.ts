import { ValidateBy, type ValidationOptions } from 'class-validator';
import {
  ID_NUMBER_PROBLEM_MESSAGES,
  idNumberProblem,
  isRegionPrefix,
  isVillageCode,
} from '@app/domain';
import { isCalendarDate, isDateTimeWithOffset } from '../graphql/scalars';

/** Resident ID number (GB 11643): shape, check digit, a real birth date not in the future. */
export function IsIdNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIdNumber',
      validator: {
        validate: (value) => idNumberProblem(value, new Date().toISOString().slice(0, 10)) === null,
        defaultMessage: (args) => {
          const problem = idNumberProblem(args?.value, new Date().toISOString().slice(0, 10));
          return problem ? ID_NUMBER_PROBLEM_MESSAGES[problem] : 'invalid ID number';
        },
      },
    },
    options,
  );
}

export function IsVillageCode(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isVillageCode',
      validator: {
        validate: (value) => isVillageCode(value),
        defaultMessage: () => 'must be a 12-digit village or community code',
      },
    },
    options,
  );
}

export function IsRegionPrefix(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isRegionPrefix',
      validator: {
        validate: (value) => isRegionPrefix(value),
        defaultMessage: () => 'must be a region code prefix of 2, 4, 6, 9 or 12 digits',
      },
    },
    options,
  );
}

export function IsBusinessDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBusinessDate',
      validator: {
        validate: (value) => typeof value === 'string' && isCalendarDate(value),
        defaultMessage: () => 'must be a calendar date YYYY-MM-DD',
      },
    },
    options,
  );
}

export function IsDateTimeWithOffset(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateTimeWithOffset',
      validator: {
        validate: (value) => typeof value === 'string' && isDateTimeWithOffset(value),
        defaultMessage: () => 'must be an ISO-8601 date-time with an offset',
      },
    },
    options,
  );
}

const YUAN = /^\d{1,9}(\.\d{1,2})?$/;

/** Money in yuan as a decimal string, at most two decimals ("1978.00"). */
export function IsYuan(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isYuan',
      validator: {
        validate: (value) => typeof value === 'string' && YUAN.test(value),
        defaultMessage: () => 'must be an amount in yuan with at most two decimals, e.g. "1978.00"',
      },
    },
    options,
  );
}
