import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { TokenService } from '@app/runtime/auth/token.service';
import { AgencyActsService } from './agency-acts.service';
import { AGENCY_BODY_LIMIT } from './agency-http';
import {
  AgencyErrorDto,
  GuardianshipActDto,
  GuardianshipActResultDto,
} from './guardianship-act.dto';
import { ERROR_EXAMPLES, REQUEST_EXAMPLES, RESULT_EXAMPLE } from './guardianship-act.examples';
import { IDEMPOTENCY_KEY_HEADER } from './parse-guardianship-act';

const errorOf = (description: string, example: object) => ({
  description,
  type: AgencyErrorDto,
  example,
});

/** POST /agency/v1/guardianship-acts: courts and procuratorates send their acts here. */
@ApiTags('guardianship-acts 监护文书')
@ApiBearerAuth()
@Controller('agency/v1/guardianship-acts')
export class GuardianshipActsController {
  constructor(
    private readonly acts: AgencyActsService,
    private readonly tokens: TokenService,
  ) {}

  @Post()
  @HttpCode(201)
  @RouteConfig({ bodyLimit: AGENCY_BODY_LIMIT })
  @ApiOperation({
    summary: '报送一份监护相关文书 / record a guardianship act',
    description:
      '法院报送撤销、指定、恢复监护人资格；检察院报送撤销监护人资格申请、支持起诉。' +
      '以 Idempotency-Key 保证幂等：同一键、同一请求体重发返回 200 与原结果，不再记入；' +
      '同一键、不同请求体返回 409。迟到的文书按生效日期记入。',
  })
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: true,
    description: '幂等键：1-128 个可打印 ASCII 字符，每份文书一个（例如本系统内的文书流水号）',
    schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[\\x20-\\x7E]{1,128}$' },
    example: 'ZJ-0102-2026-MT-12',
  })
  @ApiBody({ type: GuardianshipActDto, examples: REQUEST_EXAMPLES })
  @ApiCreatedResponse({
    description: '已记入 / recorded',
    type: GuardianshipActResultDto,
    example: RESULT_EXAMPLE,
  })
  @ApiOkResponse({
    description: '重放：同一键、同一请求体，返回原结果，未再记入 / replay, nothing new written',
    type: GuardianshipActResultDto,
    example: RESULT_EXAMPLE,
  })
  @ApiBadRequestResponse(errorOf('请求有误，逐一列出错误字段', ERROR_EXAMPLES.badInput))
  @ApiUnauthorizedResponse(errorOf('缺少或无效的令牌', ERROR_EXAMPLES.unauthenticated))
  @ApiForbiddenResponse(errorOf('角色不能报送此类文书，或超出辖区', ERROR_EXAMPLES.forbidden))
  @ApiNotFoundResponse(errorOf('查无此儿童的个案（不回显任何个人信息）', ERROR_EXAMPLES.notFound))
  @ApiConflictResponse(errorOf('幂等键已用于另一请求体或另一儿童', ERROR_EXAMPLES.keyReused))
  @ApiPayloadTooLargeResponse(errorOf('请求体超过 64 KiB', ERROR_EXAMPLES.tooLarge))
  @ApiUnsupportedMediaTypeResponse(
    errorOf('请以 application/json 发送', ERROR_EXAMPLES.unsupported),
  )
  @ApiUnprocessableEntityResponse(
    errorOf('个案当前状态不允许此文书（如无监护人可撤销）', ERROR_EXAMPLES.illegal),
  )
  @ApiTooManyRequestsResponse({
    ...errorOf(
      '超过每分钟请求上限（按令牌的主体与角色计，REST 与 gRPC 合计），按 Retry-After 秒数后重试 / rate limited (RATE_LIMIT_AGENCY_PER_MINUTE)',
      ERROR_EXAMPLES.rateLimited,
    ),
    headers: {
      'Retry-After': { description: '等待秒数 / seconds to wait', schema: { type: 'integer' } },
    },
  })
  async record(
    @Body() body: unknown,
    @Headers('authorization') authorization: string | undefined,
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GuardianshipActResultDto> {
    const principal = this.tokens.fromAuthorizationHeader(authorization);
    const key = headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
    const outcome = await this.acts.record(principal, key, body, reply.request.id);
    if (outcome.replayed) reply.status(200);
    return outcome.result;
  }
}
