import { Module } from '@nestjs/common';
import { CaseTransitionService, ReadCase } from '@gongkai/application';
import { caseUseCaseProviders } from './case-use-cases.providers';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { DeskLookupsController } from './desk-lookups.controller';
import { DeskLookupsService } from './desk-lookups.service';
import { SimilarCasesController } from './similar-cases.controller';
import { SimilarCasesService } from './similar-cases.service';

@Module({
  // The desk's look-ups come first: `cases/similar` must not be read as `cases/:id`.
  controllers: [SimilarCasesController, DeskLookupsController, CasesController],
  providers: [...caseUseCaseProviders, CasesService, SimilarCasesService, DeskLookupsService],
  exports: [CaseTransitionService, ReadCase, CasesService],
})
export class CasesModule {}
