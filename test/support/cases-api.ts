import { EVENT_STORE, type EventStore, type StoredEvent } from '@app/event-store';
import type { GraphQLResponse, TestApp } from './test-app';

/** GraphQL documents of the contract, as a client would send them. */
export const RESULT = 'caseId revision position';

export const MUTATIONS = {
  identifyChild: `mutation($input: IdentifyChildInput!) { identifyChild(input: $input) { ${RESULT} } }`,
  assessRisk: `mutation($input: AssessRiskInput!) { assessRisk(input: $input) { ${RESULT} } }`,
  determineCategories: `mutation($input: DetermineCategoriesInput!) { determineCategories(input: $input) { ${RESULT} } }`,
  enrollInProgramme: `mutation($input: EnrollInProgrammeInput!) { enrollInProgramme(input: $input) { ${RESULT} } }`,
  endProgramme: `mutation($input: EndProgrammeInput!) { endProgramme(input: $input) { ${RESULT} } }`,
  recordEducation: `mutation($input: RecordEducationInput!) { recordEducation(input: $input) { ${RESULT} } }`,
  recordGraduation: `mutation($input: RecordGraduationInput!) { recordGraduation(input: $input) { ${RESULT} } }`,
  assignCaseworker: `mutation($input: AssignCaseworkerInput!) { assignCaseworker(input: $input) { ${RESULT} } }`,
  recordVisit: `mutation($input: RecordVisitInput!) { recordVisit(input: $input) { ${RESULT} } }`,
  transferCase: `mutation($input: TransferCaseInput!) { transferCase(input: $input) { ${RESULT} } }`,
  closeCase: `mutation($input: CloseCaseInput!) { closeCase(input: $input) { ${RESULT} } }`,
  reopenCase: `mutation($input: ReopenCaseInput!) { reopenCase(input: $input) { ${RESULT} } }`,
  setBenefitStandard: `mutation($input: SetBenefitStandardInput!) { setBenefitStandard(input: $input) { ${RESULT} } }`,
} as const;

export type MutationName = keyof typeof MUTATIONS;

export const RUN_AGE_OUT_REVIEW = `mutation($asOf: Date!) { runAgeOutReview(asOf: $asOf) { agedOut extended graduationGrants position } }`;

export const CASE_QUERY = `query($id: ID!) { case(id: $id) {
  id status regionCode categories riskLevel birthDate
  child { name idNumber idNumberMasked } guardian { kind name }
  caseworkerId nextVisitDue revision
  programmes { programme from to monthlyAmount coverageShare fastTrack } } }`;

export interface CommandResultShape {
  caseId: string | null;
  revision: number;
  position: string;
}

export async function mutate(
  app: TestApp,
  name: MutationName,
  input: Record<string, unknown>,
  token: string,
): Promise<GraphQLResponse<Record<string, CommandResultShape>>> {
  return app.gql<Record<string, CommandResultShape>>(MUTATIONS[name], { input }, token);
}

/** A mutation that must succeed: returns its CommandResult or fails the test with the errors. */
export async function mustMutate(
  app: TestApp,
  name: MutationName,
  input: Record<string, unknown>,
  token: string,
): Promise<CommandResultShape> {
  const response = await mutate(app, name, input, token);
  if (response.errors?.length || !response.data) {
    throw new Error(`${name} failed: ${JSON.stringify(response.errors)}`);
  }
  return response.data[name];
}

/** The case's events as stored (for assertions on metadata the public API does not show). */
export async function readStream(app: TestApp, caseId: string): Promise<StoredEvent[]> {
  const store = app.app.get<EventStore>(EVENT_STORE);
  const events: StoredEvent[] = [];
  for await (const event of store.readStream(`case-${caseId}`)) events.push(event);
  return events;
}
