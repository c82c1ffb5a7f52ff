import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  HttpException,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { CaseError } from '@gongkai/persistence';

/** CaseError kinds as HTTP statuses: the message stays the Chinese one a clerk can act on. */
export function toHttpError(error: unknown): unknown {
  if (!(error instanceof CaseError)) return error;
  const body = { message: error.message, code: error.code, ...error.details };
  const byKind: Record<CaseError['kind'], (b: object) => HttpException> = {
    invalid: (b) => new BadRequestException(b),
    forbidden: (b) => new ForbiddenException(b),
    not_found: (b) => new NotFoundException(b),
    conflict: (b) => new ConflictException(b),
    refused: (b) => new UnprocessableEntityException(b),
  };
  return byKind[error.kind](body);
}

/** Runs service code and rethrows CaseErrors as their HTTP exceptions. */
export async function httpErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toHttpError(error);
  }
}
