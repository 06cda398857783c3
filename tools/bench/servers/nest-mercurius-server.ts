import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  Args,
  Field,
  GraphQLModule,
  ID,
  Int,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * The ceiling of the stack the customer chose, for graphqlCaseRps: Nest + @nestjs/graphql
 * (code first) + the Mercurius driver with graphql-jit, the same query shape, `programmes` as a
 * field resolver as in the API, answering BENCH_CASE_JSON (a real answer of the real server) with
 * no reads, no auth, no hooks and no logging. Loopback only.
 */
type Answer = Record<string, unknown> & { programmes: unknown[] };
const ANSWER = JSON.parse(process.env.BENCH_CASE_JSON ?? 'null') as Answer;

@ObjectType()
class ChildInfo {
  @Field(() => String) idNumberMasked!: string;
}

@ObjectType()
class GuardianInfo {
  @Field(() => String) kind!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) relation!: string | null;
}

@ObjectType()
class BenefitEntitlement {
  @Field(() => String) programme!: string;
  @Field(() => String) from!: string;
  @Field(() => String, { nullable: true }) to!: string | null;
  @Field(() => String, { nullable: true }) monthlyAmount!: string | null;
  @Field(() => Int, { nullable: true }) coverageShare!: number | null;
  @Field(() => Boolean) fastTrack!: boolean;
}

@ObjectType()
class Case {
  @Field(() => ID) id!: string;
  @Field(() => String) status!: string;
  @Field(() => String) regionCode!: string;
  @Field(() => [String]) categories!: string[];
  @Field(() => String, { nullable: true }) riskLevel!: string | null;
  @Field(() => String) birthDate!: string;
  @Field(() => ChildInfo) child!: ChildInfo;
  @Field(() => GuardianInfo, { nullable: true }) guardian!: GuardianInfo | null;
  @Field(() => ID, { nullable: true }) caseworkerId!: string | null;
  @Field(() => [BenefitEntitlement]) programmes!: BenefitEntitlement[];
  @Field(() => String, { nullable: true }) nextVisitDue!: string | null;
  @Field(() => Int) revision!: number;
}

@Resolver(() => Case)
class CaseResolver {
  @Query(() => Case, { name: 'case', nullable: true })
  case(
    @Args('id', { type: () => ID }) id: string,
    @Args('consistentWith', { type: () => String, nullable: true }) _consistentWith: string | null,
  ): Case {
    return { ...ANSWER, id } as unknown as Case;
  }

  @ResolveField(() => [BenefitEntitlement])
  programmes(@Parent() _case: Case): BenefitEntitlement[] {
    return ANSWER.programmes as BenefitEntitlement[];
  }
}

@Controller()
class HealthController {
  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({
  imports: [
    GraphQLModule.forRoot<MercuriusDriverConfig>({
      driver: MercuriusDriver,
      autoSchemaFile: true,
      jit: 1,
      path: '/graphql',
    }),
  ],
  controllers: [HealthController],
  providers: [CaseResolver],
})
class CeilingModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(
    CeilingModule,
    new FastifyAdapter(),
    {
      logger: false,
    },
  );
  app.enableShutdownHooks();
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
