import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HEALTH_CONTRIBUTORS, type HealthContributor } from './health-contributor';
import { ProjectionsHealth } from '../projections/projections.health';

@Module({
  controllers: [HealthController],
  providers: [
    {
      provide: HEALTH_CONTRIBUTORS,
      inject: [ProjectionsHealth],
      useFactory: (...contributors: HealthContributor[]) => contributors,
    },
  ],
})
export class HealthModule {}
