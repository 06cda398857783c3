import { registerEnumType } from '@nestjs/graphql';
import {
  AGENCY_ACTS,
  CASE_STATUSES,
  CHILD_CATEGORIES,
  CORRECTABLE_FIELDS,
  CRISIS_KINDS,
  EDUCATION_LEVELS,
  GUARDIAN_KINDS,
  IDENTIFICATION_SOURCES,
  PAYMENT_REASONS,
  PROGRAMMES,
  RISK_LEVELS,
} from '@app/domain';
import { CASE_ORDERS } from '@app/read-models';

/** GraphQL enums from the domain's value lists, each value described in Chinese and English. */
export function register<T extends string>(
  name: string,
  description: string,
  values: readonly T[],
  labels: Record<T, string>,
) {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(enumObject, {
    name,
    description,
    valuesMap: Object.fromEntries(values.map((v) => [v, { description: labels[v] }])) as never,
  });
  return enumObject;
}

export const ChildCategoryEnum = register(
  'ChildCategory',
  '困境儿童类别 / category of a child in difficult circumstances',
  CHILD_CATEGORIES,
  {
    ORPHAN: '孤儿 / orphan',
    DE_FACTO_UNSUPPORTED: '事实无人抚养儿童 / de facto unsupported child',
    EXTREME_POVERTY: '纳入特困供养的儿童 / child in extreme-poverty support',
    MINIMUM_LIVING: '低保家庭儿童 / child of a minimum-living-guarantee family',
    MARGINAL_LOW_INCOME: '低保边缘家庭儿童 / child of a marginal low-income family',
    SERIOUS_ILLNESS_OR_DISABILITY:
      '重病、重残儿童 / child with serious illness or severe disability',
    DISABLED: '持证残疾儿童 / certified disabled child',
    LEFT_BEHIND: '留守儿童 / left-behind child',
    MIGRANT: '流动儿童 / migrant child',
    SINGLE_PARENT: '单亲家庭儿童 / child of a single-parent family',
    GUARDIANSHIP_LACKING: '监护缺失、监护不当 / lacking or improper guardianship',
  },
);

export const ProgrammeEnum = register('Programme', '保障项目 / protection programme', PROGRAMMES, {
  BASIC_LIVING_ALLOWANCE: '基本生活费 / basic living allowance',
  MEDICAL_ASSISTANCE: '医疗救助 / medical assistance',
  INSURANCE_SUBSIDY: '参保资助 / insurance subsidy',
  EDUCATION_AID: '学生资助 / education aid',
  REHABILITATION: '康复救助 / rehabilitation',
  HOUSING_SUPPORT: '住房保障 / housing support',
  CARE_SERVICES: '关爱服务 / care services',
  TEMPORARY_ASSISTANCE: '临时救助 / temporary assistance (one-off)',
});

export const RiskLevelEnum = register(
  'RiskLevel',
  '四色风险等级 / four-colour risk level',
  RISK_LEVELS,
  {
    RED: '红色 / red: a dimension scored 3',
    YELLOW: '黄色 / yellow: highest score 2',
    BLUE: '蓝色 / blue: highest score 1',
    GREEN: '绿色 / green: all scores 0',
  },
);

export const CaseStatusEnum = register('CaseStatus', '个案状态 / case status', CASE_STATUSES, {
  IDENTIFIED: '已发现识别 / identified',
  ASSESSED: '已风险评估 / risk assessed',
  ENROLLED: '已纳入保障 / enrolled',
  EXTENDED: '延长保障(全日制在读) / protection extended for full-time study',
  AGED_OUT: '已满18周岁,保障终止 / aged out',
  CLOSED: '已结案 / closed',
});

export const GuardianKindEnum = register(
  'GuardianKind',
  '监护人类型 / kind of guardian',
  GUARDIAN_KINDS,
  {
    PARENT: '父母 / parent',
    RELATIVE: '其他亲属 / relative',
    CIVIL_AFFAIRS: '民政部门 / civil affairs department',
    WELFARE_INSTITUTION: '儿童福利机构 / welfare institution',
    OTHER: '其他 / other',
  },
);

export const IdentificationSourceEnum = register(
  'IdentificationSource',
  '发现来源 / how the child was found',
  IDENTIFICATION_SOURCES,
  {
    VISIT: '儿童主任走访 / child director visit',
    DATA_MATCH: '部门数据比对 / data match',
    HOTLINE: '12349 热线 / hotline report',
    APPLICATION: '本人或家庭申请 / application',
    AGENCY: '法院、检察院等机关 / agency',
  },
);

export const EducationLevelEnum = register(
  'EducationLevel',
  '受教育阶段 / education level',
  EDUCATION_LEVELS,
  {
    NONE: '未在学 / not in education',
    PRIMARY: '小学 / primary',
    JUNIOR_SECONDARY: '初中 / junior secondary',
    SENIOR_SECONDARY: '高中 / senior secondary',
    VOCATIONAL: '中职、高职 / vocational',
    UNDERGRADUATE: '本科 / undergraduate',
    MASTER: '硕士研究生 / master',
    GAOKAO_RETAKE: '高考复读 / gaokao retake',
  },
);

export const PaymentReasonEnum = register(
  'PaymentReason',
  '发放事由 / payment reason',
  PAYMENT_REASONS,
  {
    MONTHLY: '按月发放 / monthly allowance',
    GRADUATION_GRANT: '毕业一次性补助 / graduation grant',
    ONE_OFF: '一次性救助 / one-off assistance',
    ARREARS: '补发 / arrears: owed for an issued month and paid late (positive)',
    CLAWBACK: '追回 / clawback: paid too much for an issued month, recovered (negative)',
  },
);

export const CrisisKindEnum = register(
  'CrisisKind',
  '监护危机 / guardianship crisis',
  CRISIS_KINDS,
  {
    LACKING: '监护缺失 / lacking guardianship',
    IMPROPER: '监护不当 / improper guardianship',
  },
);

export const CorrectableFieldEnum = register(
  'CorrectableField',
  '可更正字段 / correctable field',
  CORRECTABLE_FIELDS,
  {
    birthDate: '出生日期 / birth date',
    idNumber: '身份号码 / ID number',
    name: '姓名 / name',
  },
);

export const GuardianshipActEnum = register(
  'GuardianshipAct',
  '监护相关司法行为 / a court or procuratorate act on guardianship',
  AGENCY_ACTS,
  {
    REVOCATION_PETITIONED: '申请撤销监护资格 / revocation petitioned',
    PROCURATORATE_SUPPORT_FILED: '检察院支持起诉 / procuratorate support filed',
    GUARDIANSHIP_REVOKED: '撤销监护资格 / guardianship revoked',
    GUARDIAN_APPOINTED: '指定监护人 / guardian appointed',
    GUARDIANSHIP_RESTORED: '恢复监护资格 / guardianship restored',
  },
);

export const CaseOrderEnum = register(
  'CaseOrder',
  '个案列表排序 / order of a case list',
  CASE_ORDERS,
  {
    NEXT_VISIT_DUE:
      '下次走访到期日,最早在前;未评估的在最后 / next visit due, soonest first; unassessed last',
    IDENTIFIED_AT: '发现时间,最早在前 / identified, earliest first',
    BIRTH_DATE: '出生日期,最年长在前 / birth date, eldest first',
  },
);
