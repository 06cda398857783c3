import type { ExampleObject } from '@nestjs/swagger';

/** OpenAPI examples for court and procuratorate IT teams (fictional children and dockets). */
const child = '330102201001010012';

export const REQUEST_EXAMPLES: Record<string, ExampleObject> = {
  revoke: {
    summary: '法院撤销监护人资格并指定民政部门为监护人',
    value: {
      act: 'GUARDIANSHIP_REVOKED',
      childIdNumber: child,
      docketNumber: '(2026)浙0102民特12号',
      decidedOn: '2026-03-01',
      effectiveOn: '2026-03-15',
      newGuardian: { kind: 'CIVIL_AFFAIRS', name: '杭州市上城区民政局' },
      notes: '被申请人长期怠于履行监护职责，严重损害被监护人身心健康',
    },
  },
  appoint: {
    summary: '法院指定监护人（撤销之后，或儿童无监护人时）',
    value: {
      act: 'GUARDIAN_APPOINTED',
      caseId: '0b8f3c1e-5d2a-4c67-9e1f-2a3b4c5d6e7f',
      docketNumber: '(2026)浙0102民特15号',
      decidedOn: '2026-04-10',
      effectiveOn: '2026-04-10',
      newGuardian: { kind: 'RELATIVE', name: '王某某', relation: '姨妈' },
    },
  },
  restore: {
    summary: '法院恢复监护人资格',
    value: {
      act: 'GUARDIANSHIP_RESTORED',
      childIdNumber: child,
      docketNumber: '(2027)浙0102民特3号',
      decidedOn: '2027-01-20',
      effectiveOn: '2027-01-20',
      notes: '原监护人确有悔改表现',
    },
  },
  petition: {
    summary: '检察院申请撤销监护人资格',
    value: {
      act: 'REVOCATION_PETITIONED',
      childIdNumber: child,
      docketNumber: '杭上检民公监〔2026〕1号',
      decidedOn: '2026-02-10',
      effectiveOn: '2026-02-10',
      petitioner: '杭州市上城区人民检察院',
    },
  },
  support: {
    summary: '检察院支持起诉',
    value: {
      act: 'PROCURATORATE_SUPPORT_FILED',
      childIdNumber: child,
      docketNumber: '杭上检民支受〔2026〕2号',
      decidedOn: '2026-02-12',
      effectiveOn: '2026-02-12',
    },
  },
};

export const RESULT_EXAMPLE = {
  caseId: '0b8f3c1e-5d2a-4c67-9e1f-2a3b4c5d6e7f',
  eventId: '5b1d7c9a-3e8f-5a2b-9c4d-6e7f8a9b0c1d',
  revision: 3,
  position: '42',
};

const error = (code: string, message: string, fields?: { field: string; message: string }[]) => ({
  code,
  message,
  ...(fields ? { fields } : {}),
});

export const ERROR_EXAMPLES = {
  badInput: error('BAD_USER_INPUT', 'invalid input: Idempotency-Key, effectiveOn', [
    { field: 'Idempotency-Key', message: 'is required: 1-128 printable ASCII characters' },
    { field: 'effectiveOn', message: 'must be a calendar date YYYY-MM-DD' },
  ]),
  unauthenticated: error('UNAUTHENTICATED', 'missing bearer token'),
  forbidden: error('FORBIDDEN', 'role PROCURATORATE may not GUARDIANSHIP_REVOKED'),
  notFound: error('NOT_FOUND', 'case not found'),
  keyReused: error(
    'IDEMPOTENCY_KEY_REUSED',
    'this Idempotency-Key was already used with another request body',
  ),
  tooLarge: error('PAYLOAD_TOO_LARGE', 'the body is larger than 65536 bytes'),
  rateLimited: error('RATE_LIMITED', 'rate limit reached; retry after 42 s'),
  unsupported: error('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'),
  illegal: error(
    'ILLEGAL_TRANSITION',
    'GUARDIANSHIP_REVOKED refused in status ASSESSED: there is no guardian to revoke',
  ),
};
