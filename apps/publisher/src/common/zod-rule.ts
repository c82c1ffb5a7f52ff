import type { FormRule } from 'antd';
import type { ZodType } from 'zod';

/**
 * An antd rule that runs the whole contracts schema and reports the issues on this field's path,
 * so the browser gives exactly the server's messages (cross-field ones included) and antd does
 * the marking, the focus on the first error and the screen-reader wiring.
 */
export function zodRule(schema: ZodType, path: readonly (string | number)[]): FormRule {
  return ({ getFieldsValue }) => ({
    validator: async () => {
      const parsed = schema.safeParse(getFieldsValue());
      if (parsed.success) return;
      const key = path.join('.');
      const messages = parsed.error.issues
        .filter((issue) => issue.path.map(String).join('.') === key)
        .map((issue) => issue.message);
      if (messages.length) throw new Error([...new Set(messages)].join('；'));
    },
  });
}
