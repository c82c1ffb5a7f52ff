import 'reflect-metadata';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import { type Clock } from './common/clock';
import { type ApiConfig } from './config/api-config';

/** Builds the configured application (used by main.ts and by the integration tests). */
export async function createApiApp(
  config: ApiConfig,
  options: { quiet?: boolean; clock?: Clock } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(options.quiet ? { ...config, logLevel: 'silent' } : config, options.clock),
    options.quiet ? { logger: ['error'] } : { bufferLogs: true },
  );
  // A ledger upload (POST /api/imports) carries a whole register; everything else is small.
  app.useBodyParser('json', { limit: '30mb' });
  if (!options.quiet) app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.use(cookieParser());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gongkai API')
      .setDescription('依申请公开办理与政府信息公开工作年度报告')
      .setVersion('0.1.0')
      .addCookieAuth('gongkai_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), {
    jsonDocumentUrl: 'api/docs/json',
  });
  return app;
}
