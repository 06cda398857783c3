import { randomUUID } from 'node:crypto';
import { makeFictionalIdNumber } from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import { CaseCommandService } from '../apps/api/src/cases/case-command.service';
import { mustMutate } from './support/cases-api';
import type { GraphQLResponse, TestApp } from './support/test-app';

/** GraphQL documents and helpers of the audit specs (test/audit*.e2e.spec.ts). */
export const CASE_HISTORY = `query($caseId: ID!) { caseHistory(caseId: $caseId) {
  revision position type occurredAt recordedAt actor { id role agency }
  correlationId causationId data hash previousHash } }`;

export const VERIFY = `query($caseId: ID!) { verifyCaseHistory(caseId: $caseId) { events valid brokenAtRevision } }`;

export const ACCESS_LOG = `query($caseId: ID!) { accessLog(caseId: $caseId) {
  at actor { id role agency } fields correlationId } }`;

export const CORRECT_CASE = `mutation($input: CorrectCaseInput!) { correctCase(input: $input) { caseId revision position } }`;

/** caseAsOf without the personal information (what an auditor may ask for). */
export const CASE_AS_OF = `query($caseId: ID!, $at: DateTime!, $knownAt: DateTime) {
  caseAsOf(caseId: $caseId, at: $at, knownAt: $knownAt) {
    id status regionCode categories riskLevel birthDate child { idNumberMasked }
    guardian { kind name } caseworkerId revision } }`;

export const CASE_AS_OF_WITH_NAME = `query($caseId: ID!, $at: DateTime!, $knownAt: DateTime) {
  caseAsOf(caseId: $caseId, at: $at, knownAt: $knownAt) { revision child { name } } }`;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * "Now" on the recording timeline, strictly between what was recorded before the call and what
 * is recorded after it (recordedAt has millisecond resolution).
 */
export async function recordingMoment(): Promise<string> {
  await sleep(5);
  const moment = new Date().toISOString();
  await sleep(5);
  return moment;
}

export interface ChildInput {
  region6?: string;
  village?: string;
  birthDate?: string;
  sequence: number;
  name: string;
  identifiedAt: string;
  guardian?: { kind: string; name: string; relation?: string };
}

export async function identify(app: TestApp, token: string, child: ChildInput) {
  const { region6 = '370303', village = '370303101001', birthDate = '2015-04-02' } = child;
  const idNumber = makeFictionalIdNumber(region6, birthDate, child.sequence);
  const result = await mustMutate(
    app,
    'identifyChild',
    {
      idNumber,
      name: child.name,
      regionCode: village,
      source: 'VISIT',
      identifiedAt: child.identifiedAt,
      categories: ['LEFT_BEHIND'],
      guardian: child.guardian ?? { kind: 'PARENT', name: '测试父亲', relation: 'father' },
    },
    token,
  );
  return { caseId: result.caseId!, idNumber };
}

/**
 * A court act through the same application service the agency API uses (the REST endpoint is
 * the agency engineer's; the audit only needs the event it writes).
 */
export function recordCourtAct(
  app: TestApp,
  caseId: string,
  data: {
    act: 'GUARDIANSHIP_REVOKED' | 'GUARDIAN_APPOINTED' | 'GUARDIANSHIP_RESTORED';
    docketNumber: string;
    decidedOn: string;
    effectiveOn: string;
    newGuardian?: { kind: 'CIVIL_AFFAIRS' | 'RELATIVE' | 'PARENT'; name: string };
  },
) {
  const court: Principal = {
    id: 'court-zhangdian',
    role: 'COURT',
    regions: ['*'],
    agency: '淄博市张店区人民法院',
  };
  return app.app
    .get(CaseCommandService)
    .execute(
      { type: 'RecordGuardianshipAct', caseId, data },
      { principal: court, correlationId: randomUUID() },
    );
}

export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length || !response.data)
    throw new Error(`query failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}
