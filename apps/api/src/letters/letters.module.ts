import { Module } from '@nestjs/common';
import { ComposeLetter, ManageLetterTemplates, ReadCase } from '@gongkai/application';
import { CasesModule } from '../cases/cases.module';
import { CLOCK } from '../common/clock';
import { onDataSource } from '../database.token';
import { LettersController } from './letters.controller';
import { LettersService } from './letters.service';

@Module({
  imports: [CasesModule],
  controllers: [LettersController],
  providers: [
    onDataSource(ComposeLetter, ReadCase, CLOCK),
    onDataSource(ManageLetterTemplates),
    LettersService,
  ],
})
export class LettersModule {}
