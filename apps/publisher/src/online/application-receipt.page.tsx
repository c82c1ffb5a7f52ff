import type { OnlineApplicationReceipt } from '@gongkai/contracts';
import { useLocale, useMessages } from '@gongkai/ui';
import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { formatDate, formatInstant } from '../common/format-date';
import { onlineMessages } from './online.messages';
import { keptReceipt } from './online.queries';

/** The receipt: the 查询码 and the Art. 31 confirmation of the receipt date, printable. */
export function ApplicationReceiptPage() {
  const t = useMessages(onlineMessages);
  const { locale } = useLocale();
  const location = useLocation();
  const receipt =
    (location.state as { receipt?: OnlineApplicationReceipt } | null)?.receipt ?? keptReceipt();

  if (!receipt) {
    return (
      <div style={{ maxWidth: 760, margin: '0 auto', padding: '32px 0' }}>
        <Alert type="info" showIcon title={t.noReceipt} />
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to="/track">{t.trackTitle}</Link>
        </Typography.Paragraph>
      </div>
    );
  }

  return (
    <div style={{ maxWidth: 760, margin: '0 auto', padding: '32px 0' }}>
      <Card>
        <Typography.Title level={1} style={{ marginTop: 0, fontSize: 26 }}>
          {t.receiptTitle}
        </Typography.Title>
        <Alert type="success" showIcon title={t.receiptIntro} style={{ marginBottom: 16 }} />
        <section aria-labelledby="receipt-code" style={{ textAlign: 'center', margin: '24px 0' }}>
          <Typography.Title level={2} id="receipt-code" style={{ fontSize: 16 }}>
            {t.queryCode}
          </Typography.Title>
          <Typography.Text
            copyable
            data-testid="query-code"
            style={{ fontSize: 32, fontFamily: 'monospace', letterSpacing: 4, fontWeight: 600 }}
          >
            {receipt.queryCode}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t.queryCodeHint}
          </Typography.Paragraph>
        </section>
        <Descriptions
          bordered
          column={1}
          size="small"
          items={[
            { key: 'agency', label: t.agencyName, children: receipt.agency.name },
            { key: 'ref', label: t.ref, children: receipt.ref },
            {
              key: 'receivedOn',
              label: t.receivedOn,
              children: (
                <span data-testid="received-on">{formatDate(locale, receipt.receivedOn)}</span>
              ),
            },
            {
              key: 'answerDueOn',
              label: t.answerDueOn,
              children: (
                <>
                  {formatDate(locale, receipt.answerDueOn)}
                  <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                    {t.answerDueHint}
                  </Typography.Paragraph>
                </>
              ),
            },
            { key: 'applicant', label: t.applicantName, children: receipt.applicantName },
            {
              key: 'request',
              label: t.request,
              children: <span style={{ whiteSpace: 'pre-wrap' }}>{receipt.request}</span>,
            },
            { key: 'form', label: t.requestedForm, children: receipt.requestedForm },
          ]}
        />
        {/* The statement is legal wording and stays in Chinese in both languages. */}
        <Typography.Paragraph
          lang="zh-CN"
          style={{ marginTop: 16 }}
          data-testid="receipt-statement"
        >
          {receipt.receiptStatement}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {formatInstant(locale, receipt.submittedAt)}
        </Typography.Paragraph>
        <Space wrap className="no-print">
          <Button type="primary" onClick={() => window.print()}>
            {t.printReceipt}
          </Button>
          <Link to={`/track?code=${encodeURIComponent(receipt.queryCode)}`}>{t.trackThis}</Link>
          <Link to="/apply">{t.newApplication}</Link>
        </Space>
      </Card>
    </div>
  );
}
