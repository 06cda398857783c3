import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
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
          pinoHttp: {
            level: config.logLevel,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            genReqId: (req: IncomingMessage) => {
              const header = req.headers['x-correlation-id'];
              return typeof header === 'string' && /^[\w.:-]{1,128}$/.test(header)
                ? header
                : randomUUID();
            },
            // only method, path and status: query strings and bodies may carry personal information
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                path: req.url.split('?')[0],
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
