import { TypeMetadataStorage } from '@nestjs/graphql';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { FieldError } from '@app/runtime/errors/app-errors';
import { fieldErrors } from '../../validation/validation';

type Operation = 'query' | 'mutation';

/**
 * What the DTOs of a root field refuse of raw argument values: the rules the resolver's
 * validation pipe would apply, run here when GraphQL refused the request before any resolver
 * ran, so one answer names every bad field. `@Args('input')` classes are named under their
 * argument; an ArgsType's fields are the arguments themselves.
 */
export function dtoProblems(
  operation: Operation,
  fieldName: string,
  args: Record<string, unknown>,
): FieldError[] {
  const resolvers =
    operation === 'mutation'
      ? TypeMetadataStorage.getMutationsMetadata()
      : TypeMetadataStorage.getQueriesMetadata();
  const resolver = resolvers.find((r) => r.schemaName === fieldName);
  return (resolver?.methodArgs ?? []).flatMap((arg) => {
    const type = arg.typeFn() as unknown;
    if (typeof type !== 'function' || !isDto(type as ClassConstructor<object>)) return [];
    const dto = type as ClassConstructor<object>;
    if (arg.kind === 'args') return validate(dto, args, '');
    const value = args[arg.name];
    return value !== null && typeof value === 'object' ? validate(dto, value, arg.name) : [];
  });
}

const isDto = (type: ClassConstructor<object>): boolean =>
  TypeMetadataStorage.getInputTypesMetadata().some((m) => m.target === type) ||
  TypeMetadataStorage.getArgumentsMetadata().some((m) => m.target === type);

function validate(type: ClassConstructor<object>, value: object, prefix: string): FieldError[] {
  const instance = plainToInstance(type, value);
  const errors = validateSync(instance, {
    whitelist: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  return fieldErrors(errors).map((f) => ({
    ...f,
    field: prefix ? `${prefix}.${f.field}` : f.field,
  }));
}
