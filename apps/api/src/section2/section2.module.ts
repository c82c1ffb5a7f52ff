import { Module } from '@nestjs/common';
import { Section2Figures } from '@gongkai/application';
import { onDataSource } from '../database.token';
import { Section2Controller } from './section2.controller';
import { Section2Service } from './section2.service';

@Module({
  controllers: [Section2Controller],
  providers: [onDataSource(Section2Figures), Section2Service],
})
export class Section2Module {}
