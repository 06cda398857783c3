// Ends a run with one line per reason some tests were skipped: the `[skipped: ...]` mark that
// describeUnless (libs/event-store/src/testing/describe-unless.ts) puts in a suite's title.
const MARK = /\[skipped: ([^\]]+)\]/;

class SkipReasonsReporter {
  onRunComplete(_contexts, results) {
    const counts = new Map();
    for (const file of results.testResults) {
      for (const test of file.testResults) {
        if (test.status !== 'pending') continue;
        const reason = test.ancestorTitles.map((t) => MARK.exec(t)?.[1]).find(Boolean);
        if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
      }
    }
    for (const [reason, count] of counts)
      process.stderr.write(`SKIPPED ${count} test${count === 1 ? '' : 's'}: ${reason}\n`);
  }
}

module.exports = SkipReasonsReporter;
