/** Where a batch goes: pino's destination (a SonicBoom) or anything with the same `write`. */
export interface LineSink {
  write(text: string): unknown;
}

/**
 * Log lines of one event-loop turn, handed to the sink together at the end of the turn
 * (setImmediate): one write for all the requests a turn answered instead of one a line, which on
 * this kind of machine costs more than forming the line. A line waits microseconds, never longer
 * than the turn; `flush` hands over what is pending at once (at exit, on close).
 */
export class TurnBatch {
  private pending: string[] = [];
  private scheduled = false;

  constructor(private sink: LineSink) {}

  /** pino calls this with each formatted line (newline included) */
  write(line: string): boolean {
    this.pending.push(line);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
    return true;
  }

  flush(): void {
    this.scheduled = false;
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.sink.write(text);
  }

  /** Pending lines go to the old sink first, later ones to `sink`. */
  redirect(sink: LineSink): void {
    this.flush();
    this.sink = sink;
  }
}
