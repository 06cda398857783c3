import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { MonitoringResolver } from './monitoring.resolver';
import { RosterImportService } from './roster-import.service';
import { RostersController } from './rosters.controller';

/** 动态监测 (docs/monitoring.md): roster imports, signals on cases, identification candidates. */
@Module({
  imports: [AuthModule, CasesModule],
  controllers: [RostersController],
  providers: [RosterImportService, MonitoringResolver],
  exports: [RosterImportService],
})
export class MonitoringModule {}
