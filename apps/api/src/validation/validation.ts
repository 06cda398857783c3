import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { BadUserInput, type FieldError } from '@app/runtime/errors/app-errors';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { underArgument } from './argument-paths';
import { defersValidation, withInputProblems } from './input-problems';

/** Flattens class-validator's tree into `guardian.name`-style paths, one entry per bad field. */
export function fieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    // one message per field: the first rule it fails
    const first = error.constraints ? Object.values(error.constraints)[0] : undefined;
    const own = first !== undefined ? [{ field, message: first }] : [];
    return [...own, ...fieldErrors(error.children ?? [], field)];
  });
}

/**
 * class-validator at the edge: every bad field named, the values never echoed. A GraphQL
 * argument's fields are named under it (`input.identifiedAt`); an ArgsType's are the arguments.
 */
class ArgumentValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof BadUserInput && defersValidation(metadata.metatype))
        return withInputProblems(
          plainToInstance(metadata.metatype as ClassConstructor<object>, value),
          error.fields,
        );
      // a named GraphQL argument (Nest reports GraphQL arguments as type 'body')
      throw typeof metadata.data === 'string' ? underArgument(error, metadata.data) : error;
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new ArgumentValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new BadUserInput(fieldErrors(errors)),
  });
}
