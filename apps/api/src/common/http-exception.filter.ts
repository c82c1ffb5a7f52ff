import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { STATUS_CODES } from 'node:http';
import type { Response } from 'express';
import { ZodError } from 'zod';
import { ApplicationError, type ApplicationErrorKind } from '@gongkai/application';
import { databaseFailure } from './database-errors';

const APPLICATION_STATUS: Record<ApplicationErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthorized: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  refused: HttpStatus.UNPROCESSABLE_ENTITY,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
};

/** A field error a clerk can act on: which field, and what is wrong with it, in Chinese. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every error leaves as `{statusCode, error, message, fieldErrors?}`. Validation failures are 400
 * with field messages; a use case's refusal gets its kind's status; a unique violation the code
 * did not foresee is a 409 and an unreachable database a 503 with Retry-After (the clerk's
 * request was fine, the moment was not); anything else is logged and reported as 500 without
 * internals.
 */
/** What a client is told to wait before retrying while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 10;

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof ZodValidationException) {
      const zodError = exception.getZodError();
      const fieldErrors = zodError instanceof ZodError ? toFieldErrors(zodError) : [];
      response.status(HttpStatus.BAD_REQUEST).json({
        statusCode: 400,
        error: 'Bad Request',
        message: fieldErrors.length
          ? `输入有误：${fieldErrors.map((f) => `${f.field} ${f.message}`).join('；')}`
          : '输入有误',
        fieldErrors,
      });
      return;
    }
    if (exception instanceof ApplicationError) {
      const status = APPLICATION_STATUS[exception.kind];
      response.status(status).json({
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message: exception.message,
        ...exception.details,
      });
      return;
    }
    const failure = databaseFailure(exception);
    if (failure === 'unique_violation') {
      response.status(HttpStatus.CONFLICT).json({
        statusCode: 409,
        error: 'Conflict',
        message: '该记录已存在或刚被他人修改，请刷新后重试',
        code: 'conflict',
      });
      return;
    }
    if (failure === 'unavailable') {
      this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
        .json({
          statusCode: 503,
          error: 'Service Unavailable',
          message: '数据库暂时无法访问，请稍后重试',
          code: 'database_unavailable',
        });
      return;
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const payload =
        typeof body === 'string' ? { message: body } : (body as Record<string, unknown>);
      response
        .status(status)
        .json({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', ...payload });
      return;
    }
    // Malformed JSON bodies reach here from the body parser as a SyntaxError with a status.
    const status = (exception as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      response
        .status(status)
        .json({ statusCode: status, error: 'Bad Request', message: '请求格式有误，无法解析' });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(500).json({
      statusCode: 500,
      error: 'Internal Server Error',
      message: '服务器内部错误，请稍后重试或联系管理员',
    });
  }
}

export function toFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.join('.') || '(body)',
    message: issue.message,
  }));
}
