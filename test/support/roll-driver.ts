import { formatYuan, parseYuan } from '@app/domain';
import { commandOf, identifyData } from '@app/domain/testing/money-commands';
import type {
  CaseOp,
  CaseSpec,
  ForecastProbe,
  InstantStyle,
  StandardSpec,
} from '@app/domain/testing/money-world';
import type { RollWorldDriver, ServiceRoll } from '@app/domain/testing/roll-world';
import { CLOCK, type Clock } from '@app/runtime/clock/clock';
import { MUTATIONS, RUN_AGE_OUT_REVIEW, type MutationName } from './cases-api';
import { codeOf, type GraphQLResponse, type TestApp } from './test-app';

export const ISSUE_PAYMENT_ROLL = `mutation($input: IssuePaymentRollInput!) {
  issuePaymentRoll(input: $input) { caseId revision position } }`;

export const PAYMENT_ROLL_KNOWN = `query($regionCode: String!, $month: String!, $knownAt: DateTime, $consistentWith: String) {
  paymentRoll(regionCode: $regionCode, month: $month, knownAt: $knownAt, consistentWith: $consistentWith) {
    regionCode month issued issuedAt count total
    lines { caseId regionCode programme amount reason forMonth } } }`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const PAYMENT_FORECAST = `query($regionCode: String!, $fromMonth: String!, $months: Int!,
  $standards: [StandardOverrideInput!]) {
  paymentForecast(regionCode: $regionCode, fromMonth: $fromMonth, months: $months, standards: $standards) {
    regionCode total months { month count total } } }`;

/** Refusals a caseworker meets (the step was not taken); anything else fails the spec. */
const REFUSED = ['BAD_USER_INPUT', 'ILLEGAL_TRANSITION', 'NOT_ELIGIBLE'];

type Roll = {
  paymentRoll: {
    issued: boolean;
    lines: {
      caseId: string;
      regionCode: string;
      programme: string;
      amount: string;
      reason: string;
      forMonth: string;
    }[];
  };
};

/** The mutation of each command a world's case step asks for. */
const MUTATION_OF: Record<string, MutationName> = {
  DetermineCategories: 'determineCategories',
  EnrollInProgramme: 'enrollInProgramme',
  EndProgramme: 'endProgramme',
  CloseCase: 'closeCase',
  ReopenCase: 'reopenCase',
  TransferCase: 'transferCase',
  RecordEducation: 'recordEducation',
  RecordGraduation: 'recordGraduation',
};

/** The roll specs' service through GraphQL, as a bureau's client would drive it. */
export class GraphQLRollDriver implements RollWorldDriver {
  private position = '';

  constructor(
    private readonly app: TestApp,
    private readonly token: string,
  ) {}

  async identify(spec: CaseSpec, index: number): Promise<string> {
    const data = identifyData(spec, index);
    const response = await this.mutate('identifyChild', { ...data });
    if (response === null) throw new Error('identification refused');
    return response.caseId!;
  }

  async caseStep(caseId: string, op: CaseOp, instant: InstantStyle): Promise<boolean> {
    const { type, data } = commandOf(op, instant);
    if (type === 'ReviewAgeOut') {
      const response = await this.app.gql<{ runAgeOutReview: { position: string } }>(
        RUN_AGE_OUT_REVIEW,
        { asOf: (data as { asOf: string }).asOf },
        this.token,
      );
      return this.outcome(response, (d) => d.runAgeOutReview.position) !== null;
    }
    const { amountFen, ...input }: Record<string, unknown> = { caseId, ...data };
    const amount = typeof amountFen === 'number' ? { amount: formatYuan(amountFen) } : {};
    return (await this.mutate(MUTATION_OF[type], { ...input, ...amount })) !== null;
  }

  async standard({ regionCode, category, fen, from }: StandardSpec): Promise<void> {
    const input = { regionCode, category, monthlyAmount: formatYuan(fen), effectiveFrom: from };
    if ((await this.mutate('setBenefitStandard', input)) === null)
      throw new Error('standard refused');
  }

  async issue(regionCode: string, month: string): Promise<'ISSUED' | 'ALREADY_ISSUED'> {
    const response = await this.app.gql<{ issuePaymentRoll: { position: string } }>(
      ISSUE_PAYMENT_ROLL,
      { input: { regionCode, month } },
      this.token,
    );
    if (codeOf(response) === 'ROLL_ALREADY_ISSUED') return 'ALREADY_ISSUED';
    if (!response.data)
      throw new Error(`issuePaymentRoll failed: ${JSON.stringify(response.errors)}`);
    this.position = response.data.issuePaymentRoll.position;
    return 'ISSUED';
  }

  async roll(regionCode: string, month: string, knownAt?: string): Promise<ServiceRoll> {
    const response = await this.app.gql<Roll>(
      PAYMENT_ROLL_KNOWN,
      { regionCode, month, knownAt, consistentWith: this.position || undefined },
      this.token,
    );
    if (!response.data) throw new Error(`paymentRoll failed: ${JSON.stringify(response.errors)}`);
    const { issued, lines } = response.data.paymentRoll;
    return {
      issued,
      lines: lines.map(({ amount, ...l }) => ({ ...l, amountFen: parseSigned(amount) })),
    };
  }

  async forecast(regionCode: string, probe: ForecastProbe) {
    const standards = probe.overrides.map((o) => ({
      category: o.category,
      monthlyAmount: formatYuan(o.fen),
      effectiveFrom: o.from,
    }));
    const response = await this.app.gql<{
      paymentForecast: { months: { month: string; count: number; total: string }[]; total: string };
    }>(
      PAYMENT_FORECAST,
      { regionCode, fromMonth: probe.fromMonth, months: probe.months, standards },
      this.token,
    );
    if (!response.data)
      throw new Error(`paymentForecast failed: ${JSON.stringify(response.errors)}`);
    const { months, total } = response.data.paymentForecast;
    return {
      months: months.map((m) => ({
        month: m.month,
        count: m.count,
        totalFen: parseSigned(m.total),
      })),
      totalFen: parseSigned(total),
    };
  }

  /** An instant of the app's clock between what was recorded before and what is recorded after. */
  async moment(): Promise<string> {
    const clock = this.app.app.get<Clock>(CLOCK);
    await sleep(3);
    const moment = clock.now().toISOString();
    await sleep(3);
    return moment;
  }

  private async mutate(name: MutationName, input: Record<string, unknown>) {
    const response = await this.app.gql<
      Record<string, { caseId: string | null; position: string }>
    >(MUTATIONS[name], { input }, this.token);
    return this.outcome(response, (d) => d[name]);
  }

  private outcome<T, R extends { position: string } | string>(
    response: GraphQLResponse<T>,
    pick: (data: T) => R,
  ): R | null {
    if (response.data) {
      const result = pick(response.data);
      this.position = typeof result === 'string' ? result : result.position;
      return result;
    }
    if (REFUSED.includes(codeOf(response) ?? '')) return null;
    throw new Error(`mutation failed: ${JSON.stringify(response.errors)}`);
  }
}

/** "-1978.00" -> -197800 (a clawback's amount is negative). */
function parseSigned(amount: string): number {
  return amount.startsWith('-') ? -parseYuan(amount.slice(1)) : parseYuan(amount);
}
