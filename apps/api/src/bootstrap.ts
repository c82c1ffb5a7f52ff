import 'reflect-metadata';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from './app.module';
import { SESSION_COOKIE } from './auth/session-cookie';
import { type Clock } from './common/clock';
import { type ApiConfig } from './config/api-config';
import { applyHttpSecurity } from './security/http-security';

/** Builds the configured application (used by main.ts and by the integration tests). */
export async function createApiApp(
  config: ApiConfig,
  options: { quiet?: boolean; clock?: Clock } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(options.quiet ? { ...config, logLevel: 'silent' } : config, options.clock),
    // Only JSON is parsed (multipart by the upload routes themselves): a form-encoded body, which
    // a cross-site form can send, is never read (CSRF, issue 16).
    { ...(options.quiet ? { logger: ['error'] } : { bufferLogs: true }), bodyParser: false },
  );
  // A ledger upload (POST /api/imports) carries a whole register; everything else is small.
  app.useBodyParser('json', { limit: '30mb' });
  app.use(cookieParser());
  applyHttpSecurity(app, config);
  if (!options.quiet) app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Gongkai API')
      .setDescription('依申请公开办理与政府信息公开工作年度报告')
      .setVersion('0.1.0')
      .addCookieAuth(SESSION_COOKIE)
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), {
    jsonDocumentUrl: 'api/docs/json',
  });
  return app;
}
