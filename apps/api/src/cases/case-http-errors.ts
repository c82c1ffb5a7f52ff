import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  PayloadTooLargeException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CaseError } from '@gongkai/persistence';

/**
 * Which field of the request a CaseError code is about. The service checks what the schema cannot
 * (an assignee of the agency, a ref not yet used); naming the field lets the desk show the refusal
 * under it, as it does with the schema's own field errors.
 */
export type CaseErrorFields = Readonly<Record<string, string>>;

/** CaseError kinds as HTTP statuses: the message stays the Chinese one a clerk can act on. */
export function toHttpError(error: unknown, fields: CaseErrorFields = {}): unknown {
  if (!(error instanceof CaseError)) return error;
  const field = fields[error.code];
  const body = {
    message: error.message,
    code: error.code,
    ...error.details,
    ...(field ? { fieldErrors: [{ field, message: error.message }] } : {}),
  };
  const byKind: Record<CaseError['kind'], (b: object) => HttpException> = {
    invalid: (b) => new BadRequestException(b),
    forbidden: (b) => new ForbiddenException(b),
    not_found: (b) => new NotFoundException(b),
    conflict: (b) => new ConflictException(b),
    too_large: (b) => new PayloadTooLargeException(b),
    refused: (b) => new UnprocessableEntityException(b),
  };
  return byKind[error.kind](body);
}

/** Runs service code and rethrows CaseErrors as their HTTP exceptions. */
export async function httpErrors<T>(
  work: () => Promise<T>,
  fields: CaseErrorFields = {},
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHttpError(error, fields);
  }
}
