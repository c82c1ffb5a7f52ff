import { Module } from '@nestjs/common';
import { CaseTransitionService } from '@gongkai/persistence';
import { caseTransitionProvider } from './case-transition.provider';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  controllers: [CasesController],
  providers: [caseTransitionProvider, CasesService],
  exports: [CaseTransitionService, CasesService],
})
export class CasesModule {}
