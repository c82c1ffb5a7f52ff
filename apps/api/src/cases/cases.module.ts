import { Module } from '@nestjs/common';
import { CaseTransitionService } from '@gongkai/application';
import { caseTransitionProvider } from './case-transition.provider';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { DeskLookupsController } from './desk-lookups.controller';
import { DeskLookupsService } from './desk-lookups.service';
import { SimilarCasesController } from './similar-cases.controller';
import { SimilarCasesService } from './similar-cases.service';

@Module({
  // The desk's look-ups come first: `cases/similar` must not be read as `cases/:id`.
  controllers: [SimilarCasesController, DeskLookupsController, CasesController],
  providers: [caseTransitionProvider, CasesService, SimilarCasesService, DeskLookupsService],
  exports: [CaseTransitionService, CasesService],
})
export class CasesModule {}
