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

/** A field error a clerk can act on: which field, and what is wrong with it, in Chinese. */
export interface FieldError {
  field: string;
  message: string;
}

/**
 * Every error leaves as `{statusCode, error, message, fieldErrors?}`. Validation failures are 400
 * with field messages; anything unexpected is logged and reported as 500 without internals.
 */
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
