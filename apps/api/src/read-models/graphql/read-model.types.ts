import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PaymentReason, Programme } from '@app/domain';
import { Case } from '../../cases/graphql/case.types';
import { PaymentReasonEnum, ProgrammeEnum } from '../../cases/graphql/enums';
import { GraphQLDate, GraphQLDateTime } from '../../validation/scalars';

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field({ description: 'true when the page was asked for after a cursor' })
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true }) startCursor: string | null;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ObjectType()
export class CaseEdge {
  @Field(() => Case) node: Case;
  @Field({ description: 'opaque; pass it as `after` for the next page' }) cursor: string;
}

@ObjectType({ description: '个案列表 / a page of cases, in region then case order' })
export class CaseConnection {
  @Field(() => [CaseEdge]) edges: CaseEdge[];
  @Field(() => PageInfo) pageInfo: PageInfo;
  @Field(() => Int, { description: 'cases matching the filter, on every page' }) totalCount: number;
}

@ObjectType({ description: '发放明细 / one payment' })
export class PaymentLine {
  @Field(() => ID) caseId: string;
  @Field({ description: "the case's village code" }) regionCode: string;
  @Field(() => ProgrammeEnum) programme: Programme;
  @Field({ description: 'yuan, e.g. "1978.00"' }) amount: string;
  @Field(() => PaymentReasonEnum) reason: PaymentReason;
  @Field({ description: 'YYYY-MM: the month the money is for' }) forMonth: string;
}

@ObjectType({ description: '发放花名册 / payment roll of a region for a month' })
export class PaymentRoll {
  @Field() regionCode: string;
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field({
    description:
      'frozen by issuePaymentRoll (for this prefix or one holding it): its lines never change',
  })
  issued: boolean;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'when it was issued' })
  issuedAt: string | null;
  @Field(() => Int, { description: 'number of payments (lines)' }) count: number;
  @Field(() => Int, { description: 'number of children paid' }) children: number;
  @Field({ description: 'yuan, the sum of the lines' }) total: string;
  @Field(() => [PaymentLine], {
    description:
      'a page of the lines (`first`, default 100, at most GRAPHQL_MAX_PAGE_SIZE; `after` a cursor of linesPageInfo), by case: what is owed for the month (monthly, one-off, graduation grant), then ARREARS and CLAWBACK for issued months; the whole roll: GET /exports/payment-roll.csv',
  })
  lines: PaymentLine[];
  @Field(() => PageInfo, { description: 'where the page of `lines` (as first asked for) ends' })
  linesPageInfo: PageInfo;
}

@ObjectType()
export class KeyCount {
  @Field() key: string;
  @Field(() => Int) count: number;
}

@ObjectType({ description: '工作台账 / caseload: open cases now, visits and birthdays from asOf' })
export class Caseload {
  @Field(() => Int, { description: 'open cases (not closed, not aged out)' }) open: number;
  @Field(() => [KeyCount], { description: 'open cases by colour: RED, YELLOW, BLUE, GREEN' })
  byRisk: KeyCount[];
  @Field(() => Int, { description: 'open cases not yet assessed (no colour)' }) unassessed: number;
  @Field(() => [KeyCount], { description: 'open cases by category (a child may count in several)' })
  byCategory: KeyCount[];
  @Field(() => Int, { description: "visits due before asOf by the colour's interval" })
  overdueVisits: number;
  @Field(() => Int, { description: '18th birthday from asOf to 90 days after it' })
  turning18Within90Days: number;
  @Field(() => Int, { description: 'monitoring signals still open on these cases (动态监测)' })
  openSignals: number;
  @Field(() => GraphQLDate) asOf: string;
}
