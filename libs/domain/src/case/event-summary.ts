import { formatYuan } from '../shared/money';
import type { CaseEvent, Guardian } from './case.events';

const list = (values: readonly string[]) => (values.length === 0 ? 'none' : values.join(', '));
const kindOf = (guardian: Pick<Guardian, 'kind'> | null) => guardian?.kind ?? 'none';
const act = (d: { docketNumber: string; agency: string; decidedOn: string; effectiveOn: string }) =>
  `docket ${d.docketNumber}, ${d.agency}, decided ${d.decidedOn}, effective ${d.effectiveOn}`;

/**
 * One line a caseworker's timeline shows for an event: what happened, in Chinese and English,
 * with its codes, dates and amounts. Never personal information: no child's name or ID number, no
 * guardian's or petitioner's name (a guardian by kind only), no free text (notes, reasons), no
 * corrected value. Pure.
 */
export function eventSummary(event: CaseEvent): string {
  switch (event.type) {
    case 'ChildIdentified': {
      const d = event.data;
      return `发现识别 / identified (${d.source}) in ${d.regionCode}; categories: ${list(d.categories)}; guardian: ${kindOf(d.guardian)}`;
    }
    case 'RiskAssessed': {
      const d = event.data;
      return `风险评估 / risk assessed: ${d.level} (guardianship ${d.guardianshipRisk}, living ${d.livingRisk}, behaviour ${d.behaviourRisk})`;
    }
    case 'CategoriesDetermined':
      return `类别认定 / categories determined: ${list(event.data.categories)}`;
    case 'ProgrammeEnrolled': {
      const d = event.data;
      const amount = d.amountFen === undefined ? '' : `, ${formatYuan(d.amountFen)} yuan`;
      const share =
        d.coverageSharePercent === undefined ? '' : `, ${d.coverageSharePercent}% covered`;
      const fast = d.fastTrack ? ', fast track' : '';
      return `纳入保障 / enrolled in ${d.programme} from ${d.effectiveFrom}${amount}${share}${fast}`;
    }
    case 'ProgrammeEnded':
      return `停止保障 / ${event.data.programme} ended, last day ${event.data.effectiveTo}`;
    case 'EducationRecorded': {
      const d = event.data;
      const expected = d.expectedGraduation ? `, expected graduation ${d.expectedGraduation}` : '';
      return `教育情况 / education recorded: ${d.level}, ${d.fullTime ? 'full-time' : 'not full-time'}${expected}`;
    }
    case 'GraduationRecorded':
      return `毕业 / graduated on ${event.data.graduatedOn}`;
    case 'AgedOut':
      return `年满18周岁 / protection ended on the 18th birthday, ${event.data.on}`;
    case 'ProtectionExtended':
      return `延长保障 / protection extended from ${event.data.from} for full-time study (${event.data.level})`;
    case 'ProtectionEnded':
      return `保障终止 / extended protection ended on ${event.data.on} (${event.data.reason})`;
    case 'GraduationGrantAwarded': {
      const d = event.data;
      return `毕业补助 / graduation grant of ${formatYuan(d.amountFen)} yuan (${d.months} months at ${formatYuan(d.monthlyStandardFen)}), paid in ${d.month}`;
    }
    case 'CaseworkerAssigned':
      return `指派儿童主任 / caseworker ${event.data.caseworkerId} assigned`;
    case 'VisitRecorded':
      return '走访 / visit recorded';
    case 'CaseTransferred':
      return `转移 / transferred from ${event.data.fromRegionCode} to ${event.data.toRegionCode}`;
    case 'CaseClosed':
      return '结案 / case closed (the reason: closedReason)';
    case 'CaseReopened':
      return '重新开案 / case reopened';
    case 'CaseCorrected':
      return `更正 / ${event.data.field} corrected (the record of revision ${event.data.correctsRevision})`;
    case 'GuardianshipCrisisReported':
      return `监护危机 / guardianship crisis reported: ${event.data.kind}`;
    case 'GuardianUrged':
      return '督促监护 / guardian urged to perform';
    case 'RevocationPetitioned':
      return `申请撤销监护资格 / revocation petitioned: ${act(event.data)}`;
    case 'ProcuratorateSupportFiled':
      return `检察院支持起诉 / procuratorate support filed: ${act(event.data)}`;
    case 'GuardianshipRevoked':
      return `撤销监护资格 / guardianship revoked (${kindOf(event.data.revokedGuardian)}); new guardian: ${kindOf(event.data.newGuardian)}; ${act(event.data)}`;
    case 'GuardianAppointed':
      return `指定监护人 / guardian appointed: ${kindOf(event.data.newGuardian)}; ${act(event.data)}`;
    case 'GuardianshipRestored':
      return `恢复监护资格 / guardianship restored: ${kindOf(event.data.restoredGuardian)}; ${act(event.data)}`;
    case 'PersonalInformationErased':
      return '个人信息已删除 / personal information erased';
    case 'MonitoringSignalRaised': {
      const d = event.data;
      const category = d.category === null ? '' : `, category ${d.category}`;
      return `动态监测提示 / monitoring signal ${d.signalId}: ${d.kind} (roster ${d.rosterKind} as of ${d.asOf}${category}; import ${d.importId})`;
    }
    case 'MonitoringSignalResolved':
      return `监测提示已处理 / monitoring signal ${event.data.signalId} resolved (the reason: resolution)`;
    default: {
      const _exhaustive: never = event;
      return 'unknown event';
    }
  }
}
