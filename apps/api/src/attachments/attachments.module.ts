import { Module } from '@nestjs/common';
import { AttachFile, CaseTransitionService, ReadAttachments, ReadCase } from '@gongkai/application';
import { CasesModule } from '../cases/cases.module';
import { DATA_SOURCE, type UseCaseDataSource as Db } from '../database.token';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

@Module({
  imports: [CasesModule],
  controllers: [AttachmentsController],
  providers: [
    {
      provide: ReadAttachments,
      inject: [DATA_SOURCE, ReadCase],
      useFactory: (db: Db, cases: ReadCase) => new ReadAttachments(db, cases),
    },
    {
      provide: AttachFile,
      inject: [DATA_SOURCE, ReadCase, CaseTransitionService],
      useFactory: (db: Db, cases: ReadCase, transitions: CaseTransitionService) =>
        new AttachFile(db, cases, transitions),
    },
    AttachmentsService,
  ],
})
export class AttachmentsModule {}
