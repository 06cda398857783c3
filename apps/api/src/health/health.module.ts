import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HEALTH_CONTRIBUTORS } from './health-contributor';

@Module({
  controllers: [HealthController],
  providers: [{ provide: HEALTH_CONTRIBUTORS, useValue: [] }],
})
export class HealthModule {}
