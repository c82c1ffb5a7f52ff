import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ComputeFeeUseCase } from '@gongkai/application';
import { FeesController } from './fees.controller';

@Module({
  controllers: [FeesController],
  providers: [
    {
      provide: ComputeFeeUseCase,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) => new ComputeFeeUseCase(dataSource),
    },
  ],
})
export class FeesModule {}
