import type { OpenDataEntry, PublicAgencyNode } from '@gongkai/contracts';
import { formatMessage, useMessages } from '@gongkai/ui';
import { Alert, Card, Skeleton, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { publicSiteMessages } from './public-site.messages';
import { useOpenDataIndex, usePublicAgencies } from './public-site.queries';

function AgencyList({
  nodes,
  byAgency,
  level,
}: {
  nodes: readonly PublicAgencyNode[];
  byAgency: ReadonlyMap<string, OpenDataEntry[]>;
  level: number;
}) {
  const t = useMessages(publicSiteMessages);
  if (!nodes.length) return null;
  return (
    <ul style={{ listStyle: 'none', paddingLeft: level ? 20 : 0, margin: 0 }}>
      {nodes.map((node) => {
        const reports = byAgency.get(node.code) ?? [];
        return (
          <li
            key={node.code}
            style={{
              padding: '6px 0',
              borderLeft: level ? '1px solid #e8e8e8' : undefined,
              paddingLeft: level ? 12 : 0,
            }}
          >
            <Link to={`/reports/${node.code}`} style={{ fontWeight: level === 0 ? 600 : 400 }}>
              {node.name}
            </Link>
            {reports.length > 0 && (
              <span style={{ marginLeft: 12 }}>
                {reports.map((r) => (
                  <Link
                    key={r.year}
                    to={`/reports/${node.code}/${r.year}`}
                    style={{ marginRight: 10 }}
                    aria-label={`${node.name} ${formatMessage(t.yearReport, { year: r.year })}`}
                  >
                    {formatMessage(t.yearReport, { year: r.year })}
                  </Link>
                ))}
              </span>
            )}
            <AgencyList nodes={node.children} byAgency={byAgency} level={level + 1} />
          </li>
        );
      })}
    </ul>
  );
}

/** The tree of agencies, each with the years it has published. */
export function ReportsIndexPage() {
  const t = useMessages(publicSiteMessages);
  const agencies = usePublicAgencies();
  const index = useOpenDataIndex();
  const byAgency = new Map<string, OpenDataEntry[]>();
  for (const r of index.data?.reports ?? []) {
    byAgency.set(r.agency.code, [...(byAgency.get(r.agency.code) ?? []), r]);
  }
  const error = agencies.error ?? index.error;
  return (
    <div style={{ maxWidth: 960, margin: '0 auto', padding: '32px 0' }}>
      <Typography.Title level={1} style={{ marginTop: 0, fontSize: 26 }}>
        {t.reportsTitle}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t.reportsIntro}</Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          title={formatMessage(t.loadFailed, { message: error.message })}
        />
      )}
      <Card>
        <nav aria-label={t.agencyTree}>
          {agencies.isPending || index.isPending ? (
            <Skeleton active />
          ) : (
            <AgencyList nodes={agencies.data ?? []} byAgency={byAgency} level={0} />
          )}
        </nav>
        {index.data && index.data.reports.length === 0 && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t.noReports}
          </Typography.Paragraph>
        )}
      </Card>
    </div>
  );
}
