import { ApiError, type Locale } from '@gongkai/ui';
import type { FormInstance } from 'antd';
import { serverMessage } from './server-messages';

/**
 * Puts the API's field errors under their form fields and returns the message for the form's
 * alert (`serverMessage` in `locale`). `prefix` strips the envelope the form does not show
 * (`payload.` for case events).
 */
export function applyApiError(
  form: FormInstance | undefined,
  error: unknown,
  prefix = '',
  locale: Locale = 'zh-CN',
): string {
  if (!(error instanceof ApiError)) return serverMessage(error, locale);
  if (form && error.fieldErrors.length) {
    const known = new Set(
      Object.keys(flatten(form.getFieldsValue(true) as Record<string, unknown>)),
    );
    const fields = error.fieldErrors
      .map((f) => ({
        path: f.field.startsWith(prefix) ? f.field.slice(prefix.length) : f.field,
        message: f.message,
      }))
      .filter((f) => known.has(f.path))
      .map((f) => ({ name: f.path.split('.'), errors: [f.message] }));
    if (fields.length) form.setFields(fields);
  }
  return serverMessage(error, locale);
}

function flatten(value: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out[path] = v;
    if (v && typeof v === 'object' && !Array.isArray(v) && !(v as { $d?: unknown }).$d) {
      Object.assign(out, flatten(v as Record<string, unknown>, path));
    }
  }
  return out;
}
