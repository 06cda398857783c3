import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { maySeePersonalInfo, type PersonalInfoField } from '@app/domain';
import type { Principal } from '../auth/principal';
import type { PersonalInfoReads } from '../audit/access-log/personal-info-reads';
import { Forbidden } from '../errors/app-errors';
import { CurrentPrincipal } from '../graphql/request-context';
import { ChildInfo } from './graphql/case.types';

/** Personal information: only entitled roles in the case's region see it, and every read is logged. */
@Resolver(() => ChildInfo)
export class ChildInfoResolver {
  @ResolveField(() => String, {
    nullable: true,
    description: '姓名(个人信息)/ name: personal information',
  })
  name(
    @Parent() child: ChildInfo,
    @CurrentPrincipal() principal: Principal,
    @Context('personalInfoReads') reads: PersonalInfoReads | undefined,
  ): string {
    this.assertEntitled(child, principal);
    this.logRead(reads, child, 'name');
    return child.fullName;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: '身份号码(个人信息)/ ID number: personal information',
  })
  idNumber(
    @Parent() child: ChildInfo,
    @CurrentPrincipal() principal: Principal,
    @Context('personalInfoReads') reads: PersonalInfoReads | undefined,
  ): string {
    this.assertEntitled(child, principal);
    this.logRead(reads, child, 'idNumber');
    return child.fullIdNumber;
  }

  private assertEntitled(child: ChildInfo, principal: Principal): void {
    if (!maySeePersonalInfo(principal, child.regionCode))
      throw new Forbidden('not entitled to personal information');
  }

  /** Collected for the request's one access-log append (audit/access-log); no log, no answer. */
  private logRead(
    reads: PersonalInfoReads | undefined,
    child: ChildInfo,
    field: PersonalInfoField,
  ): void {
    if (!reads) throw new Error('personal information read outside a logged request');
    reads.add(child.caseId, field);
  }
}
