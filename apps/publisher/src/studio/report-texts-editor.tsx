import { OVERVIEW_PARTS, type ReportDraftView, type ReportTexts } from '@gongkai/contracts';
import { useMessages } from '@gongkai/ui';
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { studioMessages } from './studio.messages';

/** 一 (its five parts), 五 and 六, starting from the generated paragraphs. */
export function ReportTextsEditor({
  draft,
  saving,
  onSave,
}: {
  draft: ReportDraftView;
  saving: boolean;
  onSave: (texts: ReportTexts) => void;
}) {
  const t = useMessages(studioMessages);
  const [form] = Form.useForm();
  const editable = draft.allowed.includes('editTexts');
  useEffect(() => {
    form.setFieldsValue(draft.texts);
  }, [form, draft.texts, draft.revision]);

  const insert = (name: (string | number)[], text: string) => {
    const current = (form.getFieldValue(name) as string | undefined) ?? '';
    if (current.includes(text)) return;
    form.setFieldValue(name, current ? `${current}\n${text}` : text);
  };

  return (
    <Form form={form} name="texts" layout="vertical" disabled={!editable} onFinish={onSave}>
      {!editable && (
        <Alert type="info" showIcon title={t.textsLocked} style={{ marginBottom: 16 }} />
      )}
      {editable && draft.status === 'published' && (
        <Alert type="warning" showIcon title={t.correctionHint} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="preamble" label={t.preamble}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
      </Form.Item>
      <Typography.Title level={3} style={{ fontSize: 16 }}>
        {t.overviewTitle}
      </Typography.Title>
      {OVERVIEW_PARTS.map((part) => (
        <Form.Item
          key={part.key}
          name={['overview', part.key]}
          label={part.heading}
          extra={part.key === 'onRequest' ? t.suggestionHint : undefined}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} />
        </Form.Item>
      ))}
      {editable && draft.suggestions.onRequest && (
        <Button
          size="small"
          style={{ marginTop: -12, marginBottom: 16 }}
          onClick={() => insert(['overview', 'onRequest'], draft.suggestions.onRequest)}
        >
          {t.useSuggestion}
        </Button>
      )}
      <Form.Item name="problems" label={t.problems}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} />
      </Form.Item>
      <Form.Item name="other" label={t.other} extra={t.suggestionHint}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} />
      </Form.Item>
      <Space>
        {editable && draft.suggestions.feeStatement && (
          <Button size="small" onClick={() => insert(['other'], draft.suggestions.feeStatement)}>
            {t.useFeeStatement}
          </Button>
        )}
        <Button type="primary" htmlType="submit" loading={saving} disabled={!editable}>
          {t.saveTexts}
        </Button>
      </Space>
    </Form>
  );
}
