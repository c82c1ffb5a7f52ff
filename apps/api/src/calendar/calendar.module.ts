import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({ imports: [CasesModule], controllers: [CalendarController], providers: [CalendarService] })
export class CalendarModule {}
