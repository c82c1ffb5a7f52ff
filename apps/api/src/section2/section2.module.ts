import { Module } from '@nestjs/common';
import { Section2Controller } from './section2.controller';
import { Section2Service } from './section2.service';

@Module({ controllers: [Section2Controller], providers: [Section2Service] })
export class Section2Module {}
