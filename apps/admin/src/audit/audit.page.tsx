import { SafetyCertificateOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type {
  CaseListItem,
  IdentityRevealRow,
  JournalVerification,
  Page,
} from '@gongkai/contracts';
import { defineMessages, formatMessage, useApiClient, useMessages } from '@gongkai/ui';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Result, Select, Space, Table, Tabs, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useDeskUser } from '../auth/session.context';
import { AttachmentDownloads } from './attachment-downloads';
import { attachmentDownloadsMessages } from './attachment-downloads.messages';
import { mayUse, type AuditSection } from './audit-sections';
import { CaseFileButtons } from './case-file-buttons';
import { CaseRef } from './case-ref';
import { JournalAudit } from './journal-audit';
import { JournalSearch } from './journal-search';
import { journalSearchMessages } from './journal-search.messages';
import { useServerMessage } from '../common/server-messages';
import { shanghaiTime } from '../common/today';

const messages = defineMessages(
  {
    title: '审计',
    intro: '办理记录（日志）逐条哈希链接，任何改动或删除都会在校验中显现。',
    journal: '日志校验',
    verifyAgency: '校验本机关全部案件',
    verifyCase: '校验所选案件',
    pickCase: '输入编号或申请人查找案件',
    ok: '日志完整：已校验 {cases} 件、{events} 条记录，未发现篡改',
    broken: '发现 {n} 件日志断链',
    reveals: '身份证号码查看记录',
    revealedAt: '查看时间',
    caseRef: '案件',
    applicant: '申请人',
    user: '查看人',
    reason: '理由',
    caseFile: '案卷导出',
    caseFileIntro: '导出一件申请的完整案卷：登记事实、期限推算、全部办理记录及日志校验结果。',
    seq: '序号',
  },
  {
    title: 'Audit',
    intro:
      'The history of every case is a hash chain: any change or removal shows in verification.',
    journal: 'Journal verification',
    verifyAgency: 'Verify every case of the agency',
    verifyCase: 'Verify the chosen case',
    pickCase: 'Type a ref. or applicant to find a case',
    ok: 'Journal intact: {cases} cases, {events} entries checked, no tampering found',
    broken: '{n} cases with a broken chain',
    reveals: 'Identity number views',
    revealedAt: 'When',
    caseRef: 'Case',
    applicant: 'Applicant',
    user: 'Viewed by',
    reason: 'Reason',
    caseFile: 'Case file export',
    caseFileIntro:
      'Export the full file of one application: facts, deadline derivations, the whole history and its verification.',
    seq: 'Entry',
  },
);

function CasePicker({ value, onChange }: { value?: string; onChange: (id: string) => void }) {
  const t = useMessages(messages);
  const client = useApiClient();
  const [q, setQ] = useState('');
  const found = useQuery({
    queryKey: ['audit', 'pick', q],
    queryFn: () =>
      client.get<Page<CaseListItem>>('/cases', { query: { q: q || undefined, pageSize: 20 } }),
  });
  return (
    <Select
      showSearch
      style={{ minWidth: 360 }}
      placeholder={t.pickCase}
      aria-label={t.pickCase}
      value={value}
      filterOption={false}
      onSearch={setQ}
      onChange={onChange}
      loading={found.isFetching}
      options={(found.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.ref} · ${c.applicantName ?? ''} · ${c.receivedOn}`,
      }))}
    />
  );
}

function VerificationResult({ result }: { result: JournalVerification }) {
  const t = useMessages(messages);
  return result.ok ? (
    <Result
      status="success"
      data-testid="journal-ok"
      title={formatMessage(t.ok, { cases: result.casesChecked, events: result.eventsChecked })}
    />
  ) : (
    <Result
      status="error"
      data-testid="journal-broken"
      title={formatMessage(t.broken, { n: result.broken.length })}
    >
      <Table
        size="small"
        rowKey={(b) => `${b.caseId}-${b.seq}`}
        pagination={false}
        dataSource={result.broken}
        columns={[
          {
            title: t.caseRef,
            dataIndex: 'ref',
            render: (ref: string, b) => <Link to={`/cases/${b.caseId}`}>{ref}</Link>,
          },
          { title: t.seq, dataIndex: 'seq' },
          { title: t.reason, dataIndex: 'reason' },
        ]}
      />
    </Result>
  );
}

/** 身份证号码查看记录 / identity number views: GET /api/identity-reveals. */
function IdentityReveals({ caseLinks }: { caseLinks: boolean }) {
  const t = useMessages(messages);
  const errorText = useServerMessage();
  const client = useApiClient();
  const reveals = useQuery({
    queryKey: ['audit', 'reveals'],
    queryFn: () => client.get<IdentityRevealRow[]>('/identity-reveals'),
  });
  return (
    <Card>
      {reveals.isError ? <Alert type="error" showIcon title={errorText(reveals.error)} /> : null}
      <Table
        size="small"
        rowKey="id"
        data-testid="identity-reveals"
        loading={reveals.isPending}
        dataSource={reveals.data ?? []}
        columns={[
          {
            title: t.revealedAt,
            dataIndex: 'revealedAt',
            render: (v: string) => shanghaiTime(v),
          },
          {
            title: t.caseRef,
            dataIndex: 'caseRef',
            render: (ref: string, r) => (
              <CaseRef caseId={r.caseId} caseRef={ref} link={caseLinks} />
            ),
          },
          { title: t.applicant, dataIndex: 'applicantName' },
          {
            title: t.user,
            dataIndex: 'userName',
            render: (v: string | null, r) => v ?? r.userId,
          },
          {
            title: t.reason,
            dataIndex: 'reason',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </Card>
  );
}

/**
 * 审计：日志校验与检索、身份证号码查看记录、附件查阅记录、案卷导出。每个标签页只给 AUDIT_SECTION_ROLES
 * 允许的角色，标签页显示时才发请求，所以任何角色都不会发出 API 会拒绝的请求。
 * Audit: journal verification and search, identity number views, attachment downloads, case file
 * export. A tab is there only for the roles AUDIT_SECTION_ROLES gives it, and its requests start
 * only when it is shown, so no role sends a request the API would refuse.
 */
export function AuditPage() {
  const t = useMessages(messages);
  const errorText = useServerMessage();
  const search = useMessages(journalSearchMessages);
  const downloads = useMessages(attachmentDownloadsMessages);
  const user = useDeskUser();
  const client = useApiClient();
  const [caseId, setCaseId] = useState<string>();
  const [result, setResult] = useState<JournalVerification>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const caseLinks = mayUse(user, 'caseLinks');

  const verify = async (path: string) => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await client.get<JournalVerification>(path));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const tabs: { key: AuditSection; label: string; children: ReactNode }[] = [
    {
      key: 'verify',
      label: t.journal,
      children: (
        <Card>
          <Space wrap style={{ marginBottom: 16 }}>
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={busy}
              onClick={() => void verify('/journal/verify')}
            >
              {t.verifyAgency}
            </Button>
            <CasePicker value={caseId} onChange={setCaseId} />
            <Button
              disabled={!caseId}
              loading={busy}
              onClick={() => void verify(`/cases/${caseId}/journal/verify`)}
            >
              {t.verifyCase}
            </Button>
          </Space>
          {error ? <Alert type="error" showIcon title={error} /> : null}
          {result ? <VerificationResult result={result} /> : null}
          <JournalAudit caseLinks={caseLinks} />
        </Card>
      ),
    },
    { key: 'search', label: search.tab, children: <JournalSearch caseLinks={caseLinks} /> },
    { key: 'reveals', label: t.reveals, children: <IdentityReveals caseLinks={caseLinks} /> },
    {
      key: 'downloads',
      label: downloads.tab,
      children: <AttachmentDownloads caseLinks={caseLinks} />,
    },
    {
      key: 'caseFile',
      label: t.caseFile,
      children: (
        <Card>
          <Typography.Paragraph type="secondary">{t.caseFileIntro}</Typography.Paragraph>
          <Space wrap>
            <CasePicker value={caseId} onChange={setCaseId} />
            {caseId ? <CaseFileButtons caseId={caseId} /> : null}
          </Space>
        </Card>
      ),
    },
  ];

  return (
    <PageContainer title={t.title} content={t.intro}>
      <Tabs items={tabs.filter((tab) => mayUse(user, tab.key))} />
    </PageContainer>
  );
}
