import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { destination } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * Personal information and credentials that must never reach a log line, wherever they sit.
 * Handlers do not log payloads; this is the safety net for what slips through (errors, debug).
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'name',
  'idNumber',
  'childIdNumber',
  '*.name',
  '*.idNumber',
  '*.childIdNumber',
  '*.*.name',
  '*.*.idNumber',
  '*.*.childIdNumber',
  'token',
  '*.token',
  'secret',
  '*.secret',
];

@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // request lines come from a Fastify hook (request-log.ts): no per-request middleware
          forRoutes: [],
          pinoHttp: [
            { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
            // stdout, written synchronously: a line is out when the call returns (nothing waits
            // in a buffer to die with the process) and no thread-pool round trip per write; the
            // request lines of a turn come in one write (request-log.ts)
            destination({ dest: 1, sync: true }),
          ],
        }),
      ],
    };
  }
}
