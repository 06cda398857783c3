// Child process of the SQLite crash test:
// node -r tools/swc-register.js sqlite-crash-appender.ts <database file> <stream prefix>
import { runCrashAppender } from '../../testing/crash-appender';
import { SqliteEventStore } from '../sqlite-event-store';

const [filename, streamPrefix] = process.argv.slice(2);
runCrashAppender(new SqliteEventStore({ filename }), streamPrefix).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
