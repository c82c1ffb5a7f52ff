import type { ComputedFeeView } from '@gongkai/contracts';
import { CASE_PAYLOAD_LIMITS } from '@gongkai/domain';
import { formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, InputNumber, Radio, Spin, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { serverMessage } from '../common/server-messages';
import { detailMessages } from './detail.messages';

/**
 * The fee notice's fields: the API computes the amount by 国办函〔2020〕109号 (按件 from the
 * applicant's applications of the month in the database, 按量 from the pages) and shows how; the
 * clerk confirms it or charges another amount with a reason, which the journal keeps.
 */
export function FeeFields({ caseId }: { caseId: string }) {
  const t = useMessages(detailMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const form = Form.useFormInstance();
  const standard = (Form.useWatch('standard', form) as string | undefined) ?? 'per_application';
  const pages = Form.useWatch('pages', form) as number | null | undefined;
  const override = Form.useWatch('override', form) === true;
  const ready = standard === 'per_application' || (typeof pages === 'number' && pages >= 1);
  const fee = useQuery({
    queryKey: ['case', caseId, 'fee', standard, pages],
    queryFn: () =>
      client.get<ComputedFeeView>(`/cases/${caseId}/fee`, {
        query: standard === 'per_page' ? { standard, pages: String(pages) } : { standard },
      }),
    enabled: ready,
  });

  useEffect(() => {
    if (!fee.data || override) return;
    form.setFieldsValue({
      amountYuan: fee.data.amountYuan,
      ordinalInMonth: fee.data.ordinalInMonth ?? undefined,
    });
  }, [fee.data, override, form]);

  const req = (field: string) => [
    { required: true, message: formatMessage(t.required, { field }) },
  ];
  return (
    <>
      <Form.Item
        name="standard"
        label={t.standard}
        rules={req(t.standard)}
        initialValue="per_application"
      >
        <Radio.Group
          options={[
            { value: 'per_application', label: t.perApplication },
            { value: 'per_page', label: t.perPage },
          ]}
        />
      </Form.Item>
      {standard === 'per_page' ? (
        <Form.Item name="pages" label={t.pages} rules={req(t.pages)}>
          <InputNumber
            min={CASE_PAYLOAD_LIMITS.feePages.min}
            max={CASE_PAYLOAD_LIMITS.feePages.max}
            precision={0}
            style={{ width: '100%' }}
          />
        </Form.Item>
      ) : null}
      <Form.Item name="ordinalInMonth" hidden>
        <InputNumber />
      </Form.Item>
      <div data-testid="fee-derivation" style={{ marginBottom: 16 }}>
        {fee.isFetching ? <Spin size="small" /> : null}
        {fee.isError ? (
          <Alert type="error" showIcon title={serverMessage(fee.error, locale)} />
        ) : null}
        {fee.data ? (
          <Alert
            type={fee.data.amountYuan === 0 ? 'success' : 'info'}
            title={formatMessage(t.feeComputed, { amount: fee.data.amountYuan })}
            description={
              <>
                {(locale === 'en' ? fee.data.linesEn : fee.data.lines).map((line, i) => (
                  <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>
                    {line}
                  </Typography.Paragraph>
                ))}
                {fee.data.monthCases.length > 0 ? (
                  <Typography.Text type="secondary">
                    {formatMessage(t.feeMonthCases, {
                      refs: fee.data.monthCases.map((c) => c.ref).join('、'),
                    })}
                  </Typography.Text>
                ) : null}
                {fee.data.amountYuan === 0 ? (
                  <Typography.Paragraph strong>{t.feeFree}</Typography.Paragraph>
                ) : null}
              </>
            }
          />
        ) : null}
      </div>
      <Form.Item name="override" label={t.feeOverride} valuePropName="checked" initialValue={false}>
        <Switch />
      </Form.Item>
      <Form.Item name="amountYuan" label={t.amountYuan} rules={req(t.amountYuan)}>
        <InputNumber
          min={0.01}
          max={CASE_PAYLOAD_LIMITS.feeAmountYuan.max}
          style={{ width: '100%' }}
          disabled={!override}
        />
      </Form.Item>
      {override ? (
        <Form.Item
          name="overrideReason"
          label={t.feeOverrideReason}
          rules={[
            {
              required: true,
              whitespace: true,
              message: formatMessage(t.required, { field: t.feeOverrideReason }),
            },
          ]}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      ) : null}
    </>
  );
}
