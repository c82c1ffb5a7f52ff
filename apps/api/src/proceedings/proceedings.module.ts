import { Module } from '@nestjs/common';
import {
  ListProceedings,
  RecordProceeding,
  RemoveProceeding,
  UpdateProceeding,
} from '@gongkai/application';
import { DATA_SOURCE, type UseCaseDataSource as Db } from '../database.token';
import { ProceedingsController } from './proceedings.controller';
import { ProceedingsService } from './proceedings.service';

@Module({
  controllers: [ProceedingsController],
  providers: [
    {
      provide: ListProceedings,
      inject: [DATA_SOURCE],
      useFactory: (db: Db) => new ListProceedings(db),
    },
    {
      provide: RecordProceeding,
      inject: [DATA_SOURCE],
      useFactory: (db: Db) => new RecordProceeding(db),
    },
    {
      provide: UpdateProceeding,
      inject: [DATA_SOURCE],
      useFactory: (db: Db) => new UpdateProceeding(db),
    },
    {
      provide: RemoveProceeding,
      inject: [DATA_SOURCE],
      useFactory: (db: Db) => new RemoveProceeding(db),
    },
    ProceedingsService,
  ],
})
export class ProceedingsModule {}
