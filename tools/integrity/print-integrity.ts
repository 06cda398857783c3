import type { IntegrityReport } from '@app/runtime/audit/verify-integrity';

/** history:verify's lines for the whole-log checks: one TAMPERED line per finding, then a summary. */
export function printIntegrity(report: IntegrityReport): void {
  for (const warning of report.warnings) console.log(`WARNING ${warning}`);
  for (const { kind, detail } of report.findings) console.log(`TAMPERED ${kind} ${detail}`);
  const last = report.checkpoints.at(-1);
  const anchored = last
    ? `${report.checkpoints.length} signed checkpoints (the last at position ${last.log.position}, ${last.at})`
    : 'no signed checkpoint';
  const access = report.accessReads === null ? '' : `, access log: ${report.accessReads} reads`;
  console.log(
    `event log: ${report.events} events in ${report.streams} streams${access}, ${anchored}: ` +
      (report.findings.length === 0
        ? 'the chain holds'
        : `${report.findings.length} signs of tampering`),
  );
}
