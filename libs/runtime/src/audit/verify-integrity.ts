import type { EventStore } from '@app/event-store';
import type { ChainedAccessLog } from './access-chain';
import { checkAccessLog } from './access-integrity';
import { isSignedBy, readCheckpointLines, type Checkpoint, CHECKPOINT_FILE } from './checkpoint';
import type { Finding } from './findings';
import { checkLog } from './log-integrity';

export interface IntegritySources {
  store: EventStore;
  accessLog: ChainedAccessLog | null;
  /** null: no key here, so the checkpoints cannot be trusted and are not used */
  key: string | null;
  dir: string;
}

export interface IntegrityReport {
  events: number;
  streams: number;
  /** null when no chained access log was checked */
  accessReads: number | null;
  checkpoints: Checkpoint[];
  findings: Finding[];
  warnings: string[];
}

/** The whole check behind history:verify, besides the per-case chains (history-verification.ts). */
export async function verifyIntegrity(sources: IntegritySources): Promise<IntegrityReport> {
  const findings: Finding[] = [];
  const warnings: string[] = [];
  const report = (finding: Finding) => void findings.push(finding);
  const lines = readCheckpointLines(sources.dir);
  const checkpoints: Checkpoint[] = [];
  if (sources.key === null) {
    if (lines.length > 0)
      warnings.push(
        `no AUDIT_SIGNING_KEY here: the ${lines.length} checkpoints of ${sources.dir} were not checked`,
      );
  } else
    for (const line of lines) {
      if ('damaged' in line)
        report({
          kind: 'CHECKPOINT_FORGED',
          detail: `line ${line.line} of ${CHECKPOINT_FILE} is ${line.damaged}`,
        });
      else if (!isSignedBy(sources.key, line.checkpoint))
        report({
          kind: 'CHECKPOINT_FORGED',
          detail: `line ${line.line} of ${CHECKPOINT_FILE} is not signed with AUDIT_SIGNING_KEY`,
        });
      else checkpoints.push(line.checkpoint);
    }
  if (sources.key !== null && checkpoints.length === 0)
    warnings.push(
      'no signed checkpoint yet: only the links stored with the rows were checked (run npm run history:checkpoint)',
    );
  const log = await checkLog(sources.store, checkpoints, report);
  const accessReads = sources.accessLog
    ? await checkAccessLog(sources.accessLog, checkpoints, report)
    : null;
  return { ...log, accessReads, checkpoints, findings, warnings };
}
