import { Module } from '@nestjs/common';
import { AttachFile, CaseTransitionService, ReadAttachments, ReadCase } from '@gongkai/application';
import { CasesModule } from '../cases/cases.module';
import { onDataSource } from '../database.token';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';

@Module({
  imports: [CasesModule],
  controllers: [AttachmentsController],
  providers: [
    onDataSource(ReadAttachments, ReadCase),
    onDataSource(AttachFile, ReadCase, CaseTransitionService),
    AttachmentsService,
  ],
})
export class AttachmentsModule {}
