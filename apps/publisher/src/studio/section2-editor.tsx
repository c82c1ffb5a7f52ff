import { SECTION2_TABLES, type ReportFormat } from '@gongkai/report/core';
import { useMessages } from '@gongkai/ui';
import { Alert, Button, Form, InputNumber, Skeleton, Typography } from 'antd';
import { useEffect } from 'react';
import { studioMessages } from './studio.messages';
import { useSaveSection2, useSection2 } from './studio.queries';

type Figures = Record<string, Record<string, number | null>>;

/**
 * Section 二's figures, one field per printed cell, laid out from libs/report's table spec so the
 * labels are the format's own. An empty field is "/" (not applicable), which is not 0.
 */
export function Section2Editor({
  year,
  agencyCode,
  agencyId,
  format,
  editable,
  onSaved,
}: {
  year: number;
  agencyCode: string;
  agencyId: string;
  format: ReportFormat;
  editable: boolean;
  onSaved: () => void;
}) {
  const t = useMessages(studioMessages);
  const [form] = Form.useForm<Figures>();
  const current = useSection2(year, agencyId);
  const save = useSaveSection2(year, agencyCode);
  const tables = SECTION2_TABLES[format];
  useEffect(() => {
    if (current.data?.figures) form.setFieldsValue(current.data.figures);
  }, [form, current.data]);

  if (current.isPending) return <Skeleton active />;
  const onFinish = (values: Figures) => {
    const figures: Figures = {};
    for (const table of tables)
      for (const row of table.rows) {
        figures[row.key] = {};
        for (const f of row.fields) {
          const v = values[row.key]?.[f.key];
          (figures[row.key] as Record<string, number | null>)[f.key] =
            typeof v === 'number' ? v : null;
        }
      }
    save.mutate({ format, figures, agencyId }, { onSuccess: onSaved });
  };
  return (
    <Form form={form} name="section2" layout="vertical" onFinish={onFinish} disabled={!editable}>
      <Typography.Paragraph type="secondary">{t.section2Intro}</Typography.Paragraph>
      {!current.data?.figures && (
        <Alert type="warning" showIcon title={t.section2Missing} style={{ marginBottom: 16 }} />
      )}
      {save.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={save.error.message}
          style={{ marginBottom: 16 }}
        />
      )}
      {tables.map((table) => (
        <fieldset
          key={table.caption}
          style={{ border: '1px solid #f0f0f0', padding: '8px 16px', marginBottom: 16 }}
        >
          <legend
            style={{ fontSize: 14, fontWeight: 600, width: 'auto', border: 0, padding: '0 4px' }}
          >
            {table.caption}
          </legend>
          {table.rows.map((row) =>
            row.fields.map((f) => (
              <Form.Item
                key={`${row.key}.${f.key}`}
                name={[row.key, f.key]}
                label={`${row.label} · ${f.label}`}
                style={{ display: 'inline-block', width: 260, marginRight: 16 }}
              >
                <InputNumber
                  min={f.signed ? undefined : 0}
                  step={f.decimal ? 0.0001 : 1}
                  precision={f.decimal ? undefined : 0}
                  style={{ width: '100%' }}
                  placeholder="/"
                />
              </Form.Item>
            )),
          )}
        </fieldset>
      ))}
      <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!editable}>
        {t.saveSection2}
      </Button>
    </Form>
  );
}
