// Child process of the PostgreSQL crash test:
// node -r tools/swc-register.js postgres-crash-appender.ts <connection string> <stream prefix>
import { runCrashAppender } from '../../testing/crash-appender';
import { PostgresEventStore } from '../postgres-event-store';

const [connectionString, streamPrefix] = process.argv.slice(2);
runCrashAppender(new PostgresEventStore({ connectionString, poolSize: 2 }), streamPrefix).catch(
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
