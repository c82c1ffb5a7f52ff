import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, StatisticCard } from '@ant-design/pro-components';
import type {
  ApprovalItem,
  CaseListItem,
  DashboardFigures,
  NotificationKindCode,
  NotificationPage,
  Page,
} from '@gongkai/contracts';
import { CHANNELS, DUE_SOON_WORKING_DAYS, onTimeRate } from '@gongkai/domain';
import { DeadlineBadge, formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { hasRole } from '../auth/desk-user';
import { useDeskUser } from '../auth/session.context';
import { channelLabel, outcomeLabel, stateLabel } from '../common/catalogue-labels';
import { EChart } from '../common/echart';
import { currentYear } from '../common/today';
import { outcomeFamiliesChart, onTimeGauge } from './workbench-charts';
import { workbenchMessages } from './workbench.messages';

/** Overdue answers and the journal's 督办 in red; what is only coming due in amber. */
const ALERT_COLOURS: Readonly<Record<NotificationKindCode, string>> = {
  answer_due_soon: 'warning',
  supplement_notice_due: 'warning',
  answer_overdue: 'error',
  journal_failed: 'error',
};

/** 工作台: what is urgent now, alerts, approvals waiting, and the year at a glance. */
export function WorkbenchPage() {
  const t = useMessages(workbenchMessages);
  const { locale } = useLocale();
  const client = useApiClient();
  const queries = useQueryClient();
  const user = useDeskUser();
  const year = currentYear();
  const readsCases = hasRole(user, 'clerk', 'leader', 'auditor');
  const leader = hasRole(user, 'leader');
  const clerk = hasRole(user, 'clerk');

  const urgent = useQuery({
    queryKey: ['dashboard', 'urgent'],
    enabled: readsCases,
    queryFn: () =>
      client.get<Page<CaseListItem>>('/cases', {
        query: { state: 'open', sort: 'answerDueOn', order: 'asc', pageSize: 10 },
      }),
  });
  const dueSoon = useQuery({
    queryKey: ['dashboard', 'dueSoon'],
    enabled: readsCases,
    queryFn: () =>
      client.get<Page<CaseListItem>>('/cases', { query: { due: 'dueSoon', pageSize: 1 } }),
  });
  const figures = useQuery({
    queryKey: ['dashboard', 'figures', year],
    queryFn: () => client.get<DashboardFigures>('/dashboard', { query: { year } }),
  });
  const approvals = useQuery({
    queryKey: ['approvals'],
    enabled: leader,
    queryFn: () => client.get<ApprovalItem[]>('/approvals'),
  });
  // Alerts come from the worker's daily sweep; a desk without that route still works.
  const alerts = useQuery({
    queryKey: ['dashboard', 'notifications'],
    retry: false,
    queryFn: () =>
      client.get<NotificationPage>('/notifications', {
        query: { unreadOnly: 'true', pageSize: 10 },
      }),
  });

  const charts = useMemo(() => {
    const f = figures.data;
    if (!f) return undefined;
    const channels = CHANNELS.filter((c) => f.intake.some((i) => i.channel === c.code));
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    const intake = {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 32, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: months.map((m) => formatMessage(t.month, { m })) },
      yAxis: { type: 'value', minInterval: 1 },
      series: channels.map((c) => ({
        name: channelLabel(c.code, locale),
        type: 'bar',
        stack: 'intake',
        data: months.map(
          (m) => f.intake.find((i) => i.month === m && i.channel === c.code)?.count ?? 0,
        ),
      })),
    };
    const outcomes = outcomeFamiliesChart(f.outcomes, locale);
    // One on-time definition (domain): an overdue answer still owed counts as late.
    const onTime = onTimeGauge(onTimeRate({ ...f.timeliness, overdue: f.open.overdue }) ?? 0);
    return { intake, outcomes, onTime };
  }, [figures.data, locale, t]);

  const markRead = async (id: string) => {
    await client.post(`/notifications/${id}/read`);
    void queries.invalidateQueries({ queryKey: ['dashboard', 'notifications'] });
  };

  return (
    <PageContainer
      title={t.title}
      content={formatMessage(t.greeting, { name: user.displayName })}
      extra={
        hasRole(user, 'clerk') ? (
          <Link to="/cases/new">
            <Button type="primary" icon={<PlusOutlined />}>
              {t.register}
            </Button>
          </Link>
        ) : null
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {readsCases ? (
          <StatisticCard.Group direction="row">
            <StatisticCard
              statistic={{
                title: <Link to="/cases?state=open">{t.open}</Link>,
                value: figures.data?.open.total ?? '—',
              }}
            />
            <StatisticCard
              statistic={{
                title: <Link to="/cases?due=overdue">{t.overdue}</Link>,
                value: figures.data?.open.overdue ?? '—',
                valueStyle: figures.data?.open.overdue ? { color: '#cf1322' } : undefined,
              }}
            />
            <StatisticCard
              statistic={{
                title: (
                  <Link to="/cases?due=dueSoon">
                    {formatMessage(t.dueSoon, { n: DUE_SOON_WORKING_DAYS })}
                  </Link>
                ),
                value: dueSoon.data?.total ?? '—',
              }}
            />
            {leader ? (
              <StatisticCard
                statistic={{
                  title: <Link to="/approvals">{t.approvals}</Link>,
                  value: approvals.data?.length ?? '—',
                }}
              />
            ) : null}
          </StatisticCard.Group>
        ) : null}
        <Row gutter={[16, 16]}>
          {readsCases ? (
            <Col xs={24} xl={14}>
              {clerk ? (
                <Card
                  title={t.myCases}
                  extra={
                    <Link to="/cases?assignee=me&state=open">
                      {formatMessage(t.myCasesMore, { n: figures.data?.myCases?.total ?? 0 })}
                    </Link>
                  }
                  style={{ marginBottom: 16 }}
                  data-testid="my-cases"
                >
                  <List
                    loading={figures.isPending}
                    dataSource={figures.data?.myCases?.items ?? []}
                    locale={{ emptyText: t.myCasesEmpty }}
                    renderItem={(c) => <UrgentCase item={c} />}
                  />
                </Card>
              ) : null}
              <Card
                title={t.urgent}
                extra={<Link to="/cases?state=open">{t.viewAll}</Link>}
                data-testid="urgent-cases"
              >
                <List
                  loading={urgent.isPending}
                  dataSource={urgent.data?.items ?? []}
                  locale={{ emptyText: t.empty }}
                  renderItem={(c) => <UrgentCase item={c} />}
                />
              </Card>
            </Col>
          ) : null}
          <Col xs={24} xl={readsCases ? 10 : 24}>
            {alerts.isSuccess ? (
              <Card title={t.alerts} style={{ marginBottom: 16 }} data-testid="alerts">
                {alerts.data.items.length ? (
                  <List
                    size="small"
                    dataSource={alerts.data.items}
                    renderItem={(n) => (
                      <List.Item
                        actions={[
                          <Button
                            key="read"
                            size="small"
                            type="link"
                            onClick={() => void markRead(n.id)}
                          >
                            {t.markRead}
                          </Button>,
                        ]}
                      >
                        <List.Item.Meta
                          title={
                            // 督办 of the journal: the findings are on the audit page's 日志校验.
                            <Link
                              to={n.kind === 'journal_failed' ? '/audit' : `/cases/${n.caseId}`}
                            >
                              <Tag color={ALERT_COLOURS[n.kind]}>{n.caseRef}</Tag>
                              {n.title}
                            </Link>
                          }
                          description={n.body}
                        />
                      </List.Item>
                    )}
                  />
                ) : (
                  <Empty description={t.noAlerts} image={Empty.PRESENTED_IMAGE_SIMPLE} />
                )}
              </Card>
            ) : null}
            {leader ? (
              <Card title={t.approvalsWaiting} extra={<Link to="/approvals">{t.viewAll}</Link>}>
                <List
                  size="small"
                  loading={approvals.isPending}
                  dataSource={approvals.data ?? []}
                  locale={{ emptyText: t.noApprovals }}
                  renderItem={(a) => (
                    <List.Item>
                      <Link to={`/cases/${a.caseId}`}>{a.ref}</Link>
                      <span>{a.applicantName}</span>
                      <span>
                        {a.kind === 'decision'
                          ? outcomeLabel(a.outcome, locale)
                          : `+${a.workingDays}`}
                      </span>
                    </List.Item>
                  )}
                />
              </Card>
            ) : null}
          </Col>
        </Row>
        {charts ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <Card title={formatMessage(t.intake, { year })}>
                <EChart option={charts.intake} label={formatMessage(t.intake, { year })} />
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card title={formatMessage(t.outcomes, { year })}>
                {figures.data?.outcomes.length ? (
                  <EChart option={charts.outcomes} label={formatMessage(t.outcomes, { year })} />
                ) : (
                  <Empty description={t.noData} />
                )}
              </Card>
            </Col>
            <Col xs={24} md={12} xl={6}>
              <Card title={formatMessage(t.onTime, { year })}>
                <EChart
                  option={charts.onTime}
                  height={220}
                  label={formatMessage(t.onTime, { year })}
                />
                <Typography.Text type="secondary">
                  {formatMessage(t.onTimeDetail, {
                    served: figures.data?.timeliness.served ?? 0,
                    late: figures.data?.timeliness.late ?? 0,
                    overdue: figures.data?.open.overdue ?? 0,
                  })}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
        ) : null}
      </Space>
    </PageContainer>
  );
}

/** One open case with its deadline badge (the case list's), as the workbench lists them. */
function UrgentCase({ item: c }: { item: CaseListItem }) {
  const { locale } = useLocale();
  return (
    <List.Item
      data-testid="workbench-case"
      extra={<DeadlineBadge workingDays={c.answerDueWorkingDays} dueOn={c.answerDueOn} />}
    >
      <List.Item.Meta
        title={
          <Space>
            <Link to={`/cases/${c.id}`}>{c.ref}</Link>
            <span>{c.applicantName}</span>
            <Tag>{stateLabel(c.state, locale)}</Tag>
          </Space>
        }
        description={
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 480 }}>
            {c.request}
          </Typography.Text>
        }
      />
    </List.Item>
  );
}
