import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { disclosureOf, isPersonGuardian, type PersonalInfoField } from '@app/domain';
import type { Principal } from '@app/runtime/auth/principal';
import { personalInfoReadsOf } from '../audit/access-log/personal-info-reads';
import { Forbidden } from '@app/runtime/errors/app-errors';
import { CurrentPrincipal } from '../auth/request-context';
import { discloser } from '../personal-data/discloser';
import { ChildInfo, GuardianInfo } from './graphql/case.types';

/**
 * The child's name and ID number: only readers the disclosure policy lets see them in full (in
 * the case's region), and every read is collected for the operation's one access-log append,
 * written before the response is sent. Everyone else is refused; `idNumberMasked` is for them.
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
    return this.full(child, 'name', child.fullName, principal, context);
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
    return this.full(child, 'idNumber', child.fullIdNumber, principal, context);
  }

  private full(
    child: ChildInfo,
    field: PersonalInfoField,
    value: string | null,
    principal: Principal,
    context: object,
  ): string | null {
    if (disclosureOf(principal, field, child.regionCode) !== 'FULL')
      throw new Forbidden('not entitled to personal information');
    const reads = personalInfoReadsOf(context);
    return discloser(principal, child.caseId, child.regionCode, 'record', reads)(field, value);
  }
}

/**
 * A guardian who is a person: the name in full to readers entitled to it (logged, as the
 * child's), masked for the others, the same mask `caseHistory` shows. Institutions are not
 * persons: their name is shown to whoever reads the case.
 */
@Resolver(() => GuardianInfo)
export class GuardianInfoResolver {
  @ResolveField(() => String, {
    nullable: true,
    description:
      '监护人姓名(个人,非机构时:有权者全名并留痕,其他角色脱敏;删除后为 null)/ name: in full (logged) or masked; null once erased',
  })
  name(
    @Parent() guardian: GuardianInfo,
    @CurrentPrincipal() principal: Principal,
    @Context() context: object,
  ): string | null {
    if (!isPersonGuardian(guardian.kind)) return guardian.fullName;
    const reads = personalInfoReadsOf(context);
    const show = discloser(principal, guardian.caseId, guardian.regionCode, 'record', reads);
    return show('guardianName', guardian.fullName);
  }
}
