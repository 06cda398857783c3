import {
  Kind,
  valueFromASTUntyped,
  type FieldNode,
  type GraphQLField,
  type OperationDefinitionNode,
} from 'graphql';

/** A field's page size (`first`) and where it came from. */
export interface PageSize {
  value: number;
  /** 1..maxPageSize */
  valid: boolean;
  tooLarge: boolean;
  fromVariable: boolean;
}

/**
 * The `first` a field will run with: the literal, the variable's value (or the variable's
 * default), or the argument's default; without any, the largest page allowed.
 */
export function pageSizeOf(
  field: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxPageSize: number,
): PageSize {
  const argument = field.arguments?.find((a) => a.name.value === 'first');
  let value: unknown;
  let fromVariable = false;
  if (argument?.value.kind === Kind.VARIABLE) {
    const name = argument.value.name.value;
    fromVariable = true;
    value = Object.hasOwn(variables, name) ? variables[name] : valueOfDefault(operation, name);
  } else if (argument) {
    value = valueFromASTUntyped(argument.value);
  }
  if (value === undefined || value === null)
    value = definition.args.find((a) => a.name === 'first')?.defaultValue ?? maxPageSize;
  return judge(value, maxPageSize, fromVariable);
}

function valueOfDefault(operation: OperationDefinitionNode, name: string): unknown {
  const definition = operation.variableDefinitions?.find((v) => v.variable.name.value === name);
  return definition?.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined;
}

export function judge(value: unknown, maxPageSize: number, fromVariable: boolean): PageSize {
  // graphql refuses a non-integer itself; it is costed as the largest page meanwhile
  const n = typeof value === 'number' && Number.isSafeInteger(value) ? value : maxPageSize;
  return {
    value: Math.max(n, 0),
    valid: n >= 1 && n <= maxPageSize,
    tooLarge: n > maxPageSize,
    fromVariable,
  };
}
