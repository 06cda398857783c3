import {
  Res,
  Controller,
  Get,
  Headers,
  Inject,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { registry } from './metrics';

const digest = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * GET /metrics, Prometheus text. METRICS=false (the default under NODE_ENV=production) answers 404
 * as for any unknown path; with METRICS_TOKEN set, only `Authorization: Bearer <METRICS_TOKEN>`
 * reads it (the token is not a JWT: scrapers hold one static secret).
 */
@Controller('metrics')
export class MetricsController {
  private readonly token: Buffer | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.token = config.metrics.token === undefined ? undefined : digest(config.metrics.token);
  }

  @Get()
  metrics(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    if (!this.config.metrics.enabled) throw new NotFoundException();
    if (this.token !== undefined) {
      const presented = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
      // digests of equal length, so the comparison takes the same time whatever was sent
      if (presented === undefined || !timingSafeEqual(digest(presented), this.token))
        throw new UnauthorizedException('GET /metrics needs the METRICS_TOKEN bearer token');
    }
    // set here, not by @Header: a refusal above answers JSON
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  }
}
