import { Module } from '@nestjs/common';
import { CaseTransitionService, ImportLedger } from '@gongkai/application';
import { DATA_SOURCE, type UseCaseDataSource as Db } from '../database.token';
import { CasesModule } from '../cases/cases.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [CasesModule],
  controllers: [ImportsController],
  providers: [
    {
      provide: ImportLedger,
      inject: [DATA_SOURCE, CaseTransitionService],
      useFactory: (db: Db, transitions: CaseTransitionService) => new ImportLedger(db, transitions),
    },
    ImportsService,
  ],
})
export class ImportsModule {}
