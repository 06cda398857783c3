const started = Date.now();

/** One line per phase on stderr, so stdout keeps only the table and the JSON line. */
export function progress(phase: string, message: string): void {
  const at = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${at}s] ${phase}: ${message}\n`);
}
