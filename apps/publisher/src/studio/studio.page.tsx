import type { ReportCheckView } from '@gongkai/contracts';
import { localDateInShanghai } from '@gongkai/domain';
import { formatMessage, useLocale, useMessages } from '@gongkai/ui';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Row,
  Select,
  Skeleton,
  Space,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { formatDate } from '../common/format-date';
import { flattenAgencies, usePublicAgencies } from '../public-site/public-site.queries';
import { cellKey, ReportDocument, reportFromJson } from '../report-view/report-document';
import { ChecksPanel, reportCellValue } from './checks-panel';
import { LifecyclePanel, VersionsPanel } from './lifecycle-panel';
import { publicationDeadline } from './publication-deadline';
import { ReportTextsEditor } from './report-texts-editor';
import { Section2Editor } from './section2-editor';
import { studioMessages } from './studio.messages';
import {
  useMe,
  useReportDraft,
  useReportSteps,
  useSignOut,
  type LifecycleAction,
  type StudioUser,
} from './studio.queries';
import { StudioSignInPage } from './studio-sign-in.page';

// Set at build time from REPORT_DEADLINE (vite.config.mts); absent under Jest.
declare const __REPORT_DEADLINE__: string | undefined;
const DEADLINE_SETTING = typeof __REPORT_DEADLINE__ === 'string' ? __REPORT_DEADLINE__ : undefined;

function DeadlineReminder({ year, published }: { year: number; published: boolean }) {
  const t = useMessages(studioMessages);
  const { locale } = useLocale();
  const { dueOn, daysRemaining } = publicationDeadline(
    year,
    DEADLINE_SETTING ?? '01-31',
    localDateInShanghai(new Date()),
  );
  const status = published
    ? t.deadlinePublished
    : daysRemaining > 0
      ? formatMessage(t.deadlineRemaining, { days: daysRemaining })
      : daysRemaining === 0
        ? t.deadlineToday
        : formatMessage(t.deadlineOverdue, { days: -daysRemaining });
  return (
    <Alert
      data-testid="deadline-reminder"
      type={
        published
          ? 'success'
          : daysRemaining < 0
            ? 'error'
            : daysRemaining <= 14
              ? 'warning'
              : 'info'
      }
      showIcon
      title={`${t.deadlineTitle}：${status}`}
      description={formatMessage(t.deadlineText, { year, date: formatDate(locale, dueOn) })}
    />
  );
}

const DOWNLOADS = [
  ['docx', 'DOCX'],
  ['xlsx', 'XLSX'],
  ['html', 'HTML'],
  ['json', 'JSON'],
  ['csv', 'CSV'],
] as const;

function Workspace({ user }: { user: StudioUser }) {
  const t = useMessages(studioMessages);
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(localDateInShanghai(new Date()).slice(0, 4));
  const year = Number(params.get('year')) || thisYear - 1;
  const agency = params.get('agency') || user.agencyCode;
  const agencies = usePublicAgencies();
  const draft = useReportDraft(year, agency);
  const { texts, step } = useReportSteps(year, agency);
  const signOut = useSignOut();
  const [flagged, setFlagged] = useState<ReadonlySet<string>>(new Set());
  const [tab, setTab] = useState('preview');

  const choose = (next: { year?: number; agency?: string }) => {
    const p = new URLSearchParams(params);
    if (next.year) p.set('year', String(next.year));
    if (next.agency) p.set('agency', next.agency);
    setParams(p, { replace: true });
    setFlagged(new Set());
  };
  const showCells = (check: ReportCheckView) => {
    setFlagged(new Set(check.cells.map(cellKey)));
    setTab('preview');
    // Take the reader to the first marked cell once the preview has rendered it.
    setTimeout(() => {
      const first = check.cells[0];
      const el = first && document.querySelector(`[data-cell="${cellKey(first)}"]`);
      if (el instanceof HTMLElement) el.scrollIntoView?.({ block: 'center' });
    }, 50);
  };
  const onStep = (action: LifecycleAction, body: Record<string, string | boolean>) =>
    step.mutate(
      { action, body },
      {
        onSuccess: () =>
          void message.success(
            formatMessage(t.done, { action: t[action === 'return' ? 'returnDraft' : action] }),
          ),
      },
    );

  const years = Array.from({ length: thisYear - 2018 }, (_, i) => thisYear - i);
  const view = draft.data;
  const failingCells = new Set(
    (view?.checks ?? [])
      .filter((c) => !c.ok && c.level === 'error')
      .flatMap((c) => c.cells.map(cellKey)),
  );
  const marked = flagged.size ? flagged : failingCells;

  return (
    <div style={{ maxWidth: 1440, margin: '0 auto', padding: '24px 0' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
          {t.title}
        </Typography.Title>
        <Space wrap>
          <label>
            {t.agency}{' '}
            <Select
              aria-label={t.agency}
              style={{ minWidth: 240 }}
              value={agency}
              showSearch={{ optionFilterProp: 'name' }}
              onChange={(code: string) => choose({ agency: code })}
              options={flattenAgencies(agencies.data ?? []).map((a) => ({
                value: a.code,
                name: a.name,
                label: `${'\u3000'.repeat(a.depth)}${a.name}`,
              }))}
            />
          </label>
          <label>
            {t.year}{' '}
            <Select
              aria-label={t.year}
              value={year}
              onChange={(y: number) => choose({ year: y })}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
          </label>
          <Typography.Text type="secondary">
            {user.displayName} · {user.agencyName}
          </Typography.Text>
          <Button onClick={() => signOut.mutate()}>{t.signOut}</Button>
        </Space>
      </Space>
      {draft.isError && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={formatMessage(t.loadFailed, { message: draft.error.message })}
        />
      )}
      {draft.isPending && <Skeleton active />}
      {view && (
        <Row gutter={[24, 24]}>
          <Col xs={24} xl={16}>
            <Card>
              <Tabs
                activeKey={tab}
                onChange={setTab}
                items={[
                  {
                    key: 'preview',
                    label: t.tabPreview,
                    children: (
                      <ReportDocument
                        report={reportFromJson(view.report)}
                        flagged={marked}
                        titleLevel={2}
                      />
                    ),
                  },
                  {
                    key: 'texts',
                    label: t.tabTexts,
                    children: (
                      <ReportTextsEditor
                        draft={view}
                        saving={texts.isPending}
                        onSave={(value) =>
                          texts.mutate(
                            { texts: value, expectedRevision: view.revision || undefined },
                            { onSuccess: () => void message.success(t.saved) },
                          )
                        }
                      />
                    ),
                  },
                  {
                    key: 'section2',
                    label: t.tabSection2,
                    children: (
                      <Section2Editor
                        year={year}
                        agencyCode={view.agency.code}
                        agencyId={view.agency.id}
                        format={view.format}
                        editable={view.allowed.includes('editTexts')}
                        onSaved={() => void message.success(t.saved)}
                      />
                    ),
                  },
                ]}
              />
              {texts.isError && (
                <Alert type="error" showIcon role="alert" title={texts.error.message} />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={8}>
            <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
              <DeadlineReminder
                year={year}
                published={view.latestVersion > 0 && view.status === 'published'}
              />
              <Card>
                <LifecyclePanel
                  key={`${view.status}-${view.revision}`}
                  draft={view}
                  pending={step.isPending}
                  error={step.isError ? step.error.message : null}
                  onStep={onStep}
                />
              </Card>
              <Card>
                <ChecksPanel
                  checks={view.checks}
                  blockers={view.blockers}
                  onShowCells={showCells}
                  cellValue={(ref) => reportCellValue(reportFromJson(view.report), ref)}
                />
              </Card>
              <Card>
                <VersionsPanel draft={view} />
                <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
                  {t.downloadsTitle}
                </Typography.Title>
                <Space wrap>
                  {DOWNLOADS.map(([format, label]) => (
                    <a
                      key={format}
                      href={`/api/reports/${year}/download?format=${format}&agency=${encodeURIComponent(view.agency.code)}`}
                      download
                    >
                      {label}
                    </a>
                  ))}
                </Space>
                {view.latestVersion > 0 && (
                  <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
                    <a href={`/reports/${view.agency.code}/${year}`}>{t.publicPage}</a>
                  </Typography.Paragraph>
                )}
              </Card>
            </Space>
          </Col>
        </Row>
      )}
    </div>
  );
}

/** The report studio: signed out it is the sign-in form; signed in, the draft of a year. */
export function StudioPage() {
  const me = useMe();
  if (me.isPending) return <Skeleton active style={{ maxWidth: 960, margin: '48px auto' }} />;
  if (me.isError || !me.data) return <StudioSignInPage onSignedIn={() => void me.refetch()} />;
  return <Workspace user={me.data} />;
}
