/**
 * Request bodies made from the OpenAPI document's JSON Schemas, so that a write reaches the
 * route's scope and role checks instead of stopping at validation. Deterministic: the first enum
 * member, the minimum of a number, a date, a UUID from `ids`; a fuzzer may vary them with `pick`.
 */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  minLength?: number;
  minItems?: number;
  default?: unknown;
}

export interface OpenApiDoc {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content?: Record<string, { schema?: JsonSchema }> } } | undefined
    >
  >;
  components?: { schemas?: Record<string, JsonSchema> };
}

export type Pick = <T>(choices: readonly T[]) => T;
const first: Pick = (choices) => choices[0] as (typeof choices)[number];

export function exampleOf(
  doc: OpenApiDoc,
  schema: JsonSchema | undefined,
  options: { uuid: string; date: string; pick?: Pick; depth?: number } = {
    uuid: '00000000-0000-4000-8000-000000000000',
    date: '2025-06-30',
  },
): unknown {
  const pick = options.pick ?? first;
  const depth = options.depth ?? 0;
  if (!schema || depth > 8) return undefined;
  const next = { ...options, depth: depth + 1 };
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    return exampleOf(doc, doc.components?.schemas?.[name], next);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return pick(schema.enum);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length) return exampleOf(doc, pick(variants), next);
  if (schema.allOf?.length) {
    return Object.assign({}, ...schema.allOf.map((s) => exampleOf(doc, s, next) as object));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const body: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (!schema.required?.includes(key) && pick([true, false])) continue;
        body[key] = exampleOf(doc, property, next);
      }
      return body;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () =>
        exampleOf(doc, schema.items, next),
      );
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.default as number | undefined) ?? 1;
    case 'boolean':
      return pick([true, false]);
    case 'string':
      if (schema.format === 'uuid') return options.uuid;
      if (schema.format === 'email') return 'clerk@example.gov.cn';
      if (schema.format === 'date' || /\\d\{4\}-/.test(schema.pattern ?? '')) return options.date;
      if (schema.format === 'date-time') return `${options.date}T02:00:00.000Z`;
      return pick(['测试内容甲乙丙', 'abc-123-XYZ', '2025-06-30']);
    default:
      return undefined;
  }
}

export function requestSchema(
  doc: OpenApiDoc,
  path: string,
  method: string,
): JsonSchema | undefined {
  return doc.paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema;
}
