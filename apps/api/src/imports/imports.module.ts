import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [CasesModule],
  controllers: [ImportsController],
  providers: [ImportsService],
})
export class ImportsModule {}
