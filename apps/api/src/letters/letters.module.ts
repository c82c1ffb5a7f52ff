import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { LettersController } from './letters.controller';
import { LettersService } from './letters.service';

@Module({
  imports: [CasesModule],
  controllers: [LettersController],
  providers: [LettersService],
})
export class LettersModule {}
