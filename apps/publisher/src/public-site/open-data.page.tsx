import { formatMessage, useLocale, useMessages } from '@gongkai/ui';
import { Alert, Card, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatInstant } from '../common/format-date';
import { publicSiteMessages } from './public-site.messages';
import type { OpenDataEntry } from '@gongkai/contracts';
import { useOpenDataIndex } from './public-site.queries';

/** Every published report's latest version, with its machine-readable files. */
export function OpenDataPage() {
  const t = useMessages(publicSiteMessages);
  const { locale } = useLocale();
  const index = useOpenDataIndex();
  return (
    <div style={{ maxWidth: 1120, margin: '0 auto', padding: '32px 0' }}>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 26 }}>
        {t.openDataTitle}
      </Typography.Title>
      <Typography.Paragraph>
        {t.openDataIntro} <a href="/api/public/reports">/api/public/reports</a>
      </Typography.Paragraph>
      {index.isError && (
        <Alert
          type="error"
          showIcon
          title={formatMessage(t.loadFailed, { message: index.error.message })}
        />
      )}
      <Card>
        <Table<OpenDataEntry>
          rowKey={(r) => `${r.agency.code}/${r.year}`}
          loading={index.isPending}
          dataSource={index.data?.reports ?? []}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t.noReports }}
          columns={[
            {
              title: t.colAgency,
              key: 'agency',
              render: (_, r) => <Link to={`/reports/${r.agency.code}`}>{r.agency.name}</Link>,
            },
            {
              title: t.colYear,
              key: 'year',
              render: (_, r) => <Link to={`/reports/${r.agency.code}/${r.year}`}>{r.year}</Link>,
            },
            {
              title: t.colVersion,
              key: 'version',
              render: (_, r) => formatMessage(t.version, { n: r.version }),
            },
            {
              title: t.colPublishedAt,
              key: 'publishedAt',
              render: (_, r) => formatInstant(locale, r.publishedAt),
            },
            {
              title: t.colFiles,
              key: 'files',
              render: (_, r) => (
                <>
                  <a href={r.downloads.json} style={{ marginRight: 8 }}>
                    JSON
                  </a>
                  <a href={r.downloads.csvSection3} style={{ marginRight: 8 }}>
                    CSV 三
                  </a>
                  <a href={r.downloads.csvSection4} style={{ marginRight: 8 }}>
                    CSV 四
                  </a>
                  <a href={r.downloads.docx} style={{ marginRight: 8 }}>
                    DOCX
                  </a>
                  <a href={r.downloads.xlsx}>XLSX</a>
                </>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
