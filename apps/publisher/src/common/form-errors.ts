import type { ApiError } from '@gongkai/ui';
import type { ZodError } from 'zod';

/** One antd form field with its messages (the shape `form.setFields` takes). */
export interface FieldErrors {
  name: (string | number)[];
  errors: string[];
}

function group(entries: { path: (string | number)[]; message: string }[]): FieldErrors[] {
  const byPath = new Map<string, FieldErrors>();
  for (const { path, message } of entries) {
    const key = path.join('.');
    const found = byPath.get(key) ?? { name: path, errors: [] };
    if (!found.errors.includes(message)) found.errors.push(message);
    byPath.set(key, found);
  }
  return [...byPath.values()];
}

/** The schema's issues on the form's fields: the browser says what the server would say. */
export function zodFieldErrors(error: ZodError): FieldErrors[] {
  return group(
    error.issues.map((issue) => ({
      path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: issue.message,
    })),
  );
}

/** The API's `fieldErrors` (`applicant.name`) on the form's fields. */
export function apiFieldErrors(error: ApiError): FieldErrors[] {
  return group(
    error.fieldErrors.map((f) => ({
      path: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      message: f.message,
    })),
  );
}
