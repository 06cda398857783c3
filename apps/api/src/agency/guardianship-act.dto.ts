import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import {
  AGENCY_ACTS,
  GUARDIAN_KINDS,
  TEXT_LIMITS,
  type AgencyAct,
  type GuardianKind,
} from '@app/domain';
import {
  IsBusinessDate,
  IsCaseId,
  IsIdNumber,
  IsOneOf,
  IsPastDate,
  IsText,
  NormalizeIdNumber,
} from '../validation/validators';

const absent = (value: unknown) => value === undefined || value === null;

export class AgencyGuardianDto {
  @ApiProperty({
    enum: GUARDIAN_KINDS,
    example: 'CIVIL_AFFAIRS',
    description: '监护人类别（孤儿的监护人不能是 PARENT）',
  })
  @IsOneOf(GUARDIAN_KINDS)
  kind: GuardianKind;

  @ApiProperty({ example: '杭州市上城区民政局', minLength: 1, maxLength: TEXT_LIMITS.guardianName })
  @IsText(TEXT_LIMITS.guardianName)
  name: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '姨妈',
    maxLength: TEXT_LIMITS.relation,
    description: '与儿童的关系',
  })
  @IsOptional()
  @IsText(TEXT_LIMITS.relation, { optional: true })
  relation?: string | null;
}

/** The body of `POST /agency/v1/guardianship-acts` (CONTRACT.md, "Agency API"). */
export class GuardianshipActDto {
  @ApiProperty({
    enum: AGENCY_ACTS,
    example: 'GUARDIANSHIP_REVOKED',
    description:
      '文书类型。检察院：REVOCATION_PETITIONED（申请撤销监护人资格）、PROCURATORATE_SUPPORT_FILED（支持起诉）；' +
      '法院：GUARDIANSHIP_REVOKED（撤销监护人资格）、GUARDIAN_APPOINTED（指定监护人）、GUARDIANSHIP_RESTORED（恢复监护人资格）',
  })
  @IsOneOf(AGENCY_ACTS)
  act: AgencyAct;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: '^\\d{17}[\\dX]$',
    example: '330102201001010012',
    description:
      '儿童的18位公民身份号码（与 caseId 二选一；末位小写 x 视同 X）；按此号码查找其在办个案',
  })
  @ValidateIf((o: GuardianshipActDto) => absent(o.caseId) || !absent(o.childIdNumber))
  @NormalizeIdNumber()
  @IsIdNumber()
  childIdNumber?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    example: '0b8f3c1e-5d2a-4c67-9e1f-2a3b4c5d6e7f',
    description: '个案编号（与 childIdNumber 二选一）；已结案的个案只能以此指明',
  })
  @ValidateIf((o: GuardianshipActDto) => !absent(o.caseId))
  @IsCaseId()
  caseId?: string | null;

  @ApiProperty({
    example: '(2026)浙0102民特12号',
    description: '案号',
    minLength: 1,
    maxLength: TEXT_LIMITS.docketNumber,
  })
  @IsText(TEXT_LIMITS.docketNumber)
  docketNumber: string;

  @ApiProperty({
    format: 'date',
    example: '2026-03-01',
    description: '作出日期（YYYY-MM-DD）；不得晚于今天（北京时间）',
  })
  @IsPastDate()
  decidedOn: string;

  @ApiProperty({
    format: 'date',
    example: '2026-03-15',
    description: '生效日期（YYYY-MM-DD）；迟到的文书按此业务日期记入；可晚于今天（将来生效）',
  })
  @IsBusinessDate()
  effectiveOn: string;

  @ApiPropertyOptional({
    type: AgencyGuardianDto,
    nullable: true,
    description:
      '新监护人：指定监护人时必填；撤销时可同时指定；恢复时指明恢复哪一位（默认最近被撤销者）；申请与支持起诉不得填写',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AgencyGuardianDto)
  newGuardian?: AgencyGuardianDto | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '经审理查明，被申请人长期怠于履行监护职责',
    maxLength: TEXT_LIMITS.notes,
    description: '备注',
  })
  @IsOptional()
  @IsText(TEXT_LIMITS.notes, { optional: true })
  notes?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '杭州市上城区民政局',
    maxLength: TEXT_LIMITS.petitioner,
    description: '申请人（仅 REVOCATION_PETITIONED）',
  })
  @IsOptional()
  @IsText(TEXT_LIMITS.petitioner, { optional: true })
  petitioner?: string | null;
}

export class GuardianshipActResultDto {
  @ApiProperty({ format: 'uuid', example: '0b8f3c1e-5d2a-4c67-9e1f-2a3b4c5d6e7f' })
  caseId: string;

  @ApiProperty({
    format: 'uuid',
    example: '5b1d7c9a-3e8f-5a2b-9c4d-6e7f8a9b0c1d',
    description: '记录该文书的事件编号；由机构与 Idempotency-Key 确定，重放时不变',
  })
  eventId: string;

  @ApiProperty({ type: 'integer', example: 3, description: '该事件在个案流中的版本号' })
  revision: number;

  @ApiProperty({
    example: '42',
    description: '全局日志位置（不透明字符串，可用于 consistentWith）',
  })
  position: string;
}

export class AgencyFieldErrorDto {
  @ApiProperty({ example: 'effectiveOn' })
  field: string;

  @ApiProperty({ example: 'must be a calendar date YYYY-MM-DD' })
  message: string;
}

export class AgencyErrorDto {
  @ApiProperty({
    example: 'BAD_USER_INPUT',
    description:
      'BAD_USER_INPUT, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, IDEMPOTENCY_KEY_REUSED, CONFLICT, ' +
      'ILLEGAL_TRANSITION, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE',
  })
  code: string;

  @ApiProperty({ example: 'invalid input: effectiveOn', description: '不含姓名或身份号码' })
  message: string;

  @ApiPropertyOptional({ type: [AgencyFieldErrorDto], description: '每一个有误的字段' })
  fields?: AgencyFieldErrorDto[];
}
