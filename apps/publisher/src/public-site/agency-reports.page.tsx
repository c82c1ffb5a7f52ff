import { formatMessage, useLocale, useMessages } from '@gongkai/ui';
import { Alert, Card, List, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { formatInstant } from '../common/format-date';
import { publicSiteMessages } from './public-site.messages';
import { flattenAgencies, useOpenDataIndex, usePublicAgencies } from './public-site.queries';

/** One agency: its published reports by year, newest first. */
export function AgencyReportsPage() {
  const t = useMessages(publicSiteMessages);
  const { locale } = useLocale();
  const { agencyCode = '' } = useParams();
  const agencies = usePublicAgencies();
  const index = useOpenDataIndex();
  if (agencies.isPending || index.isPending)
    return <Skeleton active style={{ maxWidth: 960, margin: '32px auto' }} />;
  const agency = flattenAgencies(agencies.data ?? []).find((a) => a.code === agencyCode);
  if (!agency)
    return (
      <Alert
        type="warning"
        showIcon
        title={t.unknownAgency}
        style={{ maxWidth: 960, margin: '32px auto' }}
      />
    );
  const reports = (index.data?.reports ?? [])
    .filter((r) => r.agency.code === agencyCode)
    .sort((a, b) => b.year - a.year);
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: '32px 0' }}>
      <Typography.Paragraph>
        <Link to="/reports">← {t.backToReports}</Link>
      </Typography.Paragraph>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 26 }}>
        {formatMessage(t.agencyReportsTitle, { name: agency.name })}
      </Typography.Title>
      <Card>
        <List
          dataSource={reports}
          locale={{ emptyText: t.noReports }}
          renderItem={(r) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Link to={`/reports/${agencyCode}/${r.year}`}>
                    {`${agency.name}${r.year}年度政府信息公开工作年度报告`}
                  </Link>
                }
                description={`${formatMessage(t.version, { n: r.version })} · ${t.publishedAt} ${formatInstant(locale, r.publishedAt)}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to={`/apply?agency=${encodeURIComponent(agencyCode)}`}>{t.applyHere}</Link>
      </Typography.Paragraph>
    </div>
  );
}
