import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInput, type FieldError } from '../errors/app-errors';

/** Flattens class-validator's tree into `guardian.name`-style paths, one entry per bad field. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints
      ? [{ field, message: Object.values(error.constraints).join('; ') }]
      : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/** class-validator at the edge: every bad field named, the values never echoed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadUserInput(fieldErrors(errors)),
  });
}
