import { Module } from '@nestjs/common';
import {
  ListProceedings,
  RecordProceeding,
  RemoveProceeding,
  UpdateProceeding,
} from '@gongkai/application';
import { onDataSource } from '../database.token';
import { ProceedingsController } from './proceedings.controller';
import { ProceedingsService } from './proceedings.service';

@Module({
  controllers: [ProceedingsController],
  providers: [
    onDataSource(ListProceedings),
    onDataSource(RecordProceeding),
    onDataSource(UpdateProceeding),
    onDataSource(RemoveProceeding),
    ProceedingsService,
  ],
})
export class ProceedingsModule {}
