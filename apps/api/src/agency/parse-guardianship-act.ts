import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { AgencyAct, GuardianKind, RecordGuardianshipAct } from '@app/domain';
import { BadUserInput, type FieldError } from '@app/runtime/errors/app-errors';
import { fieldErrors } from '../validation/validation';
import { GuardianshipActDto } from './guardianship-act.dto';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const IDEMPOTENCY_KEY = /^[\x20-\x7e]{1,128}$/;

/** A well-formed act request, the same whether it came over HTTP or gRPC. */
export interface GuardianshipActRequest {
  act: AgencyAct;
  /** exactly one of them */
  childIdNumber?: string;
  caseId?: string;
  docketNumber: string;
  decidedOn: string;
  effectiveOn: string;
  newGuardian?: { kind: GuardianKind; name: string; relation?: string };
  notes?: string;
  petitioner?: string;
}

const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the idempotency key and the body together, so one 400 names every bad field (the key
 * as `Idempotency-Key`). Values are never echoed: messages name fields and rules only.
 */
export function parseGuardianshipAct(
  key: unknown,
  body: unknown,
): { key: string; request: GuardianshipActRequest } {
  const problems: FieldError[] = [];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    problems.push({
      field: IDEMPOTENCY_KEY_HEADER,
      message: 'is required: 1-128 printable ASCII characters',
    });
  }
  if (!isPlainObject(body)) {
    problems.push({ field: 'body', message: 'must be a JSON object' });
    throw new BadUserInput(problems);
  }
  const dto = plainToInstance(GuardianshipActDto, body);
  const errors = validateSync(dto, {
    whitelist: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
  });
  problems.push(...fieldErrors(errors).map(explainChild(dto)));
  if (given(dto.childIdNumber) !== undefined && given(dto.caseId) !== undefined)
    problems.push({
      field: 'caseId',
      message: 'name the child by childIdNumber or caseId, not both',
    });
  if (problems.length > 0) throw new BadUserInput(problems);
  return { key: key as string, request: toRequest(dto) };
}

/** Neither child reference given: say so rather than "must be 17 digits". */
function explainChild(dto: GuardianshipActDto) {
  const neither = given(dto.childIdNumber) === undefined && given(dto.caseId) === undefined;
  return (problem: FieldError): FieldError =>
    neither && problem.field === 'childIdNumber'
      ? { field: 'childIdNumber', message: 'childIdNumber or caseId is required' }
      : problem;
}

function toRequest(dto: GuardianshipActDto): GuardianshipActRequest {
  const guardian = given(dto.newGuardian);
  return dropUndefined({
    act: dto.act,
    childIdNumber: given(dto.childIdNumber),
    caseId: given(dto.caseId)?.toLowerCase(),
    docketNumber: dto.docketNumber,
    decidedOn: dto.decidedOn,
    effectiveOn: dto.effectiveOn,
    newGuardian: guardian
      ? dropUndefined({
          kind: guardian.kind,
          name: guardian.name,
          relation: given(guardian.relation),
        })
      : undefined,
    notes: given(dto.notes),
    petitioner: given(dto.petitioner),
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** The domain command's data (it re-checks every rule: the values may still be refused). */
export function commandDataOf(request: GuardianshipActRequest): RecordGuardianshipAct['data'] {
  const { newGuardian } = request;
  return {
    act: request.act,
    docketNumber: request.docketNumber,
    decidedOn: request.decidedOn,
    effectiveOn: request.effectiveOn,
    newGuardian: newGuardian ? { ...newGuardian, relation: newGuardian.relation ?? null } : null,
    notes: request.notes ?? null,
    petitioner: request.petitioner ?? null,
  };
}
