import { Module } from '@nestjs/common';
import { JournalVerificationController } from './journal-verification.controller';
import { JournalVerificationService } from './journal-verification.service';
import { JournalController } from './journal.controller';
import { JournalService } from './journal.service';

@Module({
  controllers: [JournalController, JournalVerificationController],
  providers: [JournalService, JournalVerificationService],
})
export class JournalModule {}
