import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { maySeePersonalInfo } from '@app/domain';
import type { Principal } from '../auth/principal';
import { personalInfoReadsOf } from '../audit/access-log/personal-info-reads';
import { Forbidden } from '../errors/app-errors';
import { CurrentPrincipal } from '../graphql/request-context';
import { ChildInfo } from './graphql/case.types';

/**
 * Personal information: only entitled roles in the case's region see it, and every read is
 * collected for the operation's one access-log append, written before the response is sent.
 */
@Resolver(() => ChildInfo)
export class ChildInfoResolver {
  @ResolveField(() => String, {
    nullable: true,
    description: '姓名(个人信息)/ name: personal information',
  })
  name(
    @Parent() child: ChildInfo,
    @CurrentPrincipal() principal: Principal,
    @Context() context: object,
  ): string | null {
    this.assertEntitled(child, principal);
    // an erased name is no personal information: nothing read, nothing logged
    if (child.fullName !== null) personalInfoReadsOf(context).add(child.caseId, 'name');
    return child.fullName;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: '身份号码(个人信息)/ ID number: personal information',
  })
  idNumber(
    @Parent() child: ChildInfo,
    @CurrentPrincipal() principal: Principal,
    @Context() context: object,
  ): string | null {
    this.assertEntitled(child, principal);
    if (child.fullIdNumber !== null) personalInfoReadsOf(context).add(child.caseId, 'idNumber');
    return child.fullIdNumber;
  }

  private assertEntitled(child: ChildInfo, principal: Principal): void {
    if (!maySeePersonalInfo(principal, child.regionCode))
      throw new Forbidden('not entitled to personal information');
  }
}
