import { Module } from '@nestjs/common';
import { Section2Figures } from '@gongkai/application';
import { DATA_SOURCE, type UseCaseDataSource as Db } from '../database.token';
import { Section2Controller } from './section2.controller';
import { Section2Service } from './section2.service';

@Module({
  controllers: [Section2Controller],
  providers: [
    {
      provide: Section2Figures,
      inject: [DATA_SOURCE],
      useFactory: (db: Db) => new Section2Figures(db),
    },
    Section2Service,
  ],
})
export class Section2Module {}
