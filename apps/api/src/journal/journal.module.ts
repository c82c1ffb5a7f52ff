import { Module } from '@nestjs/common';
import {
  ExportCheckpointUseCase,
  ListCheckpointsUseCase,
  SearchJournal,
} from '@gongkai/application';
import { onDataSource } from '../database.token';
import { JournalVerificationController } from './journal-verification.controller';
import { JournalVerificationService } from './journal-verification.service';
import { JournalController } from './journal.controller';
import { JournalService } from './journal.service';

@Module({
  controllers: [JournalController, JournalVerificationController],
  providers: [
    JournalService,
    JournalVerificationService,
    onDataSource(ListCheckpointsUseCase),
    onDataSource(ExportCheckpointUseCase),
    onDataSource(SearchJournal),
  ],
})
export class JournalModule {}
