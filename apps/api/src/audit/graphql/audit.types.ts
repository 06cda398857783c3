import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLDateTime } from '../../validation/scalars';
import { GraphQLJSON } from './json.scalar';

@ObjectType({ description: '操作人 / who did it: a user, or an agency (court, procuratorate)' })
export class AuditActor {
  @Field(() => ID) id: string;
  @Field() role: string;
  @Field(() => String, { nullable: true }) agency: string | null;
}

@ObjectType({
  description: '历史事件 / one event of a case, as recorded (personal information masked)',
})
export class CaseHistoryEvent {
  @Field(() => Int, { description: "0-based revision in the case's stream" }) revision: number;
  @Field({ description: 'opaque global log position' }) position: string;
  @Field({ description: 'event type, e.g. GuardianshipRevoked' }) type: string;
  @Field(() => GraphQLDateTime, { description: 'business time: when it happened or took effect' })
  occurredAt: string;
  @Field(() => GraphQLDateTime, { description: 'when the system recorded it' })
  recordedAt: string;
  @Field(() => AuditActor) actor: AuditActor;
  @Field() correlationId: string;
  @Field(() => String, { nullable: true }) causationId: string | null;
  @Field(() => GraphQLJSON, {
    description: "the event's data; the child's name and ID number and guardians' names masked",
  })
  data: unknown;
  @Field({ description: 'SHA-256 of type, data, business metadata and the previous hash' })
  hash: string;
  @Field(() => String, { nullable: true, description: 'hash of the event before (null first)' })
  previousHash: string | null;
}

@ObjectType({ description: "哈希链校验 / result of recomputing a case's hash chain" })
export class HistoryVerification {
  @Field(() => Int, { description: 'events checked' }) events: number;
  @Field() valid: boolean;
  @Field(() => Int, { nullable: true, description: 'first revision that does not hold' })
  brokenAtRevision: number | null;
}

@ObjectType({ description: "个人信息访问记录 / one read of the child's name or ID number" })
export class AccessLogEntry {
  @Field(() => GraphQLDateTime) at: string;
  @Field(() => AuditActor) actor: AuditActor;
  @Field(() => [String], { description: 'name, idNumber, guardianName (what was read in full)' })
  fields: string[];
  @Field({ description: 'the request that read them' }) correlationId: string;
}
