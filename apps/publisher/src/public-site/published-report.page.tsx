import { PrinterOutlined } from '@ant-design/icons';
import { formatMessage, useLocale, useMessages } from '@gongkai/ui';
import { Alert, Button, Card, Col, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatInstant } from '../common/format-date';
import { ReportDocument, reportFromJson } from '../report-view/report-document';
import { publicSiteMessages } from './public-site.messages';
import type { PublishedReportView } from '@gongkai/contracts';
import { usePublishedReport } from './public-site.queries';
import { downloadLinks } from './download-links';

function VersionHistory({ view, path }: { view: PublishedReportView; path: string }) {
  const t = useMessages(publicSiteMessages);
  const { locale } = useLocale();
  const latest = Math.max(...view.versions.map((v) => v.version));
  return (
    <section aria-labelledby="versions-title">
      <Typography.Title level={2} id="versions-title" style={{ fontSize: 16 }}>
        {t.versionHistory}
      </Typography.Title>
      <ol style={{ paddingLeft: 20, margin: 0 }} reversed>
        {[...view.versions].reverse().map((v) => (
          <li key={v.version} style={{ marginBottom: 12 }} data-testid={`version-${v.version}`}>
            {v.version === view.version ? (
              <strong aria-current="page">{formatMessage(t.version, { n: v.version })}</strong>
            ) : (
              <Link to={`${path}?version=${v.version}`}>
                {formatMessage(t.version, { n: v.version })}
              </Link>
            )}{' '}
            {v.version === latest && <Tag color="blue">{t.latest}</Tag>}
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
              {t.publishedAt} {formatInstant(locale, v.publishedAt)}
            </div>
            <div style={{ fontSize: 13 }}>{v.changeNote ?? t.firstPublication}</div>
            <div style={{ fontSize: 11, color: 'rgba(0,0,0,0.55)', wordBreak: 'break-all' }}>
              {t.sha256}: <code>{v.sha256}</code>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A published report in the official layout, with its versions and downloads; print-friendly. */
export function PublishedReportPage() {
  const t = useMessages(publicSiteMessages);
  const { agencyCode = '', year = '' } = useParams();
  const [params] = useSearchParams();
  const version = Number(params.get('version')) || undefined;
  const view = usePublishedReport(agencyCode, Number(year), version);
  const path = `/reports/${agencyCode}/${year}`;

  if (view.isPending) return <Skeleton active style={{ maxWidth: 1120, margin: '32px auto' }} />;
  if (view.isError)
    return (
      <div style={{ maxWidth: 960, margin: '32px auto' }}>
        <Alert type="warning" showIcon title={view.error.message} />
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to={`/reports/${agencyCode}`}>{t.backToReports}</Link>
        </Typography.Paragraph>
      </div>
    );

  const data = view.data;
  const report = reportFromJson(data.report);
  const latest = Math.max(...data.versions.map((v) => v.version));
  const apiBase = `/api/public/reports/${encodeURIComponent(agencyCode)}/${year}/versions/${data.version}`;
  return (
    <div style={{ maxWidth: 1280, margin: '0 auto', padding: '24px 0' }}>
      <Typography.Paragraph className="no-print">
        <Link to={`/reports/${agencyCode}`}>← {data.agency.name}</Link>
      </Typography.Paragraph>
      {data.version !== latest && (
        <Alert
          className="no-print"
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={formatMessage(t.olderVersion, { n: data.version })}
          action={<Link to={path}>{t.viewLatest}</Link>}
        />
      )}
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={18}>
          <Card>
            <ReportDocument report={report} />
            <Typography.Paragraph type="secondary" style={{ textAlign: 'right', marginTop: 24 }}>
              {formatMessage(t.version, { n: data.version })} · SHA-256 {data.sha256.slice(0, 16)}…
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={6} className="no-print">
          <Card>
            <Space orientation="vertical" style={{ width: '100%' }} size="large">
              <Button icon={<PrinterOutlined />} onClick={() => window.print()} block>
                {t.print}
              </Button>
              <section aria-labelledby="downloads-title">
                <Typography.Title level={2} id="downloads-title" style={{ fontSize: 16 }}>
                  {t.downloads}
                </Typography.Title>
                <ul style={{ paddingLeft: 20, margin: 0 }}>
                  {downloadLinks(apiBase, t).map((d) => (
                    <li key={d.key}>
                      <a href={d.href} download data-testid={`download-${d.key}`}>
                        {d.label}
                      </a>
                    </li>
                  ))}
                </ul>
              </section>
              <VersionHistory view={data} path={path} />
            </Space>
          </Card>
        </Col>
      </Row>
    </div>
  );
}
