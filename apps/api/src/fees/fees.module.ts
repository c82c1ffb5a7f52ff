import { Module } from '@nestjs/common';
import { ComputeFeeUseCase } from '@gongkai/application';
import { onDataSource } from '../database.token';
import { FeesController } from './fees.controller';

@Module({
  controllers: [FeesController],
  providers: [onDataSource(ComputeFeeUseCase)],
})
export class FeesModule {}
