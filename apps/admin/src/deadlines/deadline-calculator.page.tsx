import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import {
  calculatorLedger,
  CalculatorInputError,
  computeDeadlines,
  defaultWorkingDayCalendar,
  type CalculatorInput,
} from '@gongkai/domain';
import { defineMessages, useMessages } from '@gongkai/ui';
import { Alert, Button, Card, Col, DatePicker, Form, InputNumber, Row, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { DeadlinePanel } from '../cases/deadline-panel';

const messages = defineMessages(
  {
    title: '期限计算器',
    intro:
      '输入任一收到申请日期和办理中的暂停、延期，按工作日（含法定节假日与调休）推算各项期限，并逐步说明计算过程。与命令行 gongkai deadlines 使用同一计算规则。',
    facts: '办理事实',
    receivedOn: '收到申请之日（第三十一条）',
    supplementReceivedOn: '收到补正材料之日（第三十条，答复期限重新计算）',
    consultations: '征求意见（第三十二条、第三十四条）',
    sentOn: '征求意见函送达之日',
    repliedOn: '答复之日（未答复可不填）',
    addConsultation: '增加一次征求意见',
    feeServedOn: '收费通知送达之日（国办函〔2020〕109号）',
    feePaidOn: '缴费之日',
    extension: '批准延长的工作日数（第三十三条，最多20个）',
    result: '各项期限及推算过程',
    start: '请先填写收到申请之日',
  },
  {
    title: 'Deadline calculator',
    intro:
      'Any receipt date, pauses and extension → every deadline in working days (holidays and make-up days included), step by step. The same rules as `gongkai deadlines`.',
    facts: 'Facts',
    receivedOn: 'Received on (Art. 31)',
    supplementReceivedOn: 'Supplement received on (Art. 30: the period restarts)',
    consultations: 'Consultations (Arts 32, 34)',
    sentOn: 'Letter served on',
    repliedOn: 'Replied on (leave empty if not yet)',
    addConsultation: 'Add a consultation',
    feeServedOn: 'Fee notice served on',
    feePaidOn: 'Fee paid on',
    extension: 'Extension in working days (Art. 33, at most 20)',
    result: 'Deadlines and their derivation',
    start: 'Enter the receipt date first',
  },
);

interface Values {
  receivedOn?: Dayjs | null;
  supplementReceivedOn?: Dayjs | null;
  consultations?: { sentOn?: Dayjs | null; repliedOn?: Dayjs | null }[];
  feeServedOn?: Dayjs | null;
  feePaidOn?: Dayjs | null;
  extensionWorkingDays?: number | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The form's facts as the calculator's input; undefined until there is a receipt date. */
function calculatorInput(v: Values): CalculatorInput | undefined {
  const receivedOn = day(v.receivedOn);
  if (!receivedOn) return undefined;
  const optional = <K extends string, T>(key: K, value: T | undefined) =>
    value === undefined ? {} : ({ [key]: value } as Record<K, T>);
  return {
    receivedOn,
    ...optional('supplementReceivedOn', day(v.supplementReceivedOn)),
    consultations: (v.consultations ?? []).flatMap((c) => {
      const sentOn = day(c?.sentOn);
      return sentOn ? [{ sentOn, ...optional('repliedOn', day(c?.repliedOn)) }] : [];
    }),
    ...optional('feeServedOn', day(v.feeServedOn)),
    ...optional('feePaidOn', day(v.feePaidOn)),
    ...optional('extensionWorkingDays', v.extensionWorkingDays ?? undefined),
  };
}

/** The deadline engine of libs/domain, in the browser: no case, no server. */
export function DeadlineCalculatorPage() {
  const t = useMessages(messages);
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const result = useMemo(() => {
    const input = values ? calculatorInput(values) : undefined;
    if (!input) return undefined;
    try {
      return { deadlines: computeDeadlines(calculatorLedger(input), defaultWorkingDayCalendar()) };
    } catch (error) {
      // Refused input, or a ledger the clock refuses (ClockLedgerError): the message is Chinese.
      if (error instanceof CalculatorInputError || error instanceof Error)
        return { error: error.message };
      return { error: String(error) };
    }
  }, [values]);
  const date = (name: keyof Values, label: string) => (
    <Form.Item name={name} label={label}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <PageContainer title={t.title} content={t.intro}>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={t.facts}>
            <Form form={form} layout="vertical" aria-label={t.facts}>
              {date('receivedOn', t.receivedOn)}
              {date('supplementReceivedOn', t.supplementReceivedOn)}
              <Form.Item label={t.consultations}>
                <Form.List name="consultations">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field) => (
                        <Space key={field.key} align="baseline" wrap>
                          <Form.Item name={[field.name, 'sentOn']} label={t.sentOn}>
                            <DatePicker />
                          </Form.Item>
                          <Form.Item name={[field.name, 'repliedOn']} label={t.repliedOn}>
                            <DatePicker />
                          </Form.Item>
                          <MinusCircleOutlined onClick={() => remove(field.name)} />
                        </Space>
                      ))}
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                        {t.addConsultation}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Form.Item>
              {date('feeServedOn', t.feeServedOn)}
              {date('feePaidOn', t.feePaidOn)}
              <Form.Item name="extensionWorkingDays" label={t.extension}>
                <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t.result} data-testid="calculator-result">
            {!result ? <Alert type="info" showIcon title={t.start} /> : null}
            {result && 'error' in result ? (
              <Alert type="error" showIcon title={result.error} role="alert" />
            ) : null}
            {result && 'deadlines' in result && result.deadlines ? (
              <DeadlinePanel deadlines={result.deadlines} />
            ) : null}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
