import { Module } from '@nestjs/common';
import { ComposeLetter, ManageLetterTemplates, ReadCase, type Clock } from '@gongkai/application';
import { CasesModule } from '../cases/cases.module';
import { CLOCK } from '../common/clock';
import { DATA_SOURCE, onDataSource, type UseCaseDataSource as Db } from '../database.token';
import { LettersController } from './letters.controller';
import { LettersService } from './letters.service';

@Module({
  imports: [CasesModule],
  controllers: [LettersController],
  providers: [
    {
      provide: ComposeLetter,
      inject: [DATA_SOURCE, ReadCase, CLOCK],
      useFactory: (db: Db, cases: ReadCase, clock: Clock) => new ComposeLetter(db, cases, clock),
    },
    onDataSource(ManageLetterTemplates),
    LettersService,
  ],
})
export class LettersModule {}
