import { Module } from '@nestjs/common';
import { CaseTransitionService, ImportLedger } from '@gongkai/application';
import { onDataSource } from '../database.token';
import { CasesModule } from '../cases/cases.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [CasesModule],
  controllers: [ImportsController],
  providers: [onDataSource(ImportLedger, CaseTransitionService), ImportsService],
})
export class ImportsModule {}
