import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import type { ApprovalItem } from '@gongkai/contracts';
import { EVENT_LABELS } from '@gongkai/domain';
import { defineMessages, formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import { EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { outcomeLabel } from '../common/catalogue-labels';
import { serverMessage } from '../common/server-messages';
import { CaseEventModal, type EventTarget } from '../cases/case-event-form';
import { LetterPreview } from '../cases/case-letters';

const messages = defineMessages(
  {
    title: '审批',
    intro: '待您审批的答复决定和延期申请。同意或退回均记入办理记录；退回须写明意见。',
    kind: '事项',
    decision: '答复决定',
    extension: '延期申请',
    ref: '登记编号',
    applicant: '申请人',
    receivedOn: '收到申请日期',
    answerDueOn: '答复期限',
    content: '内容',
    step: '第{step}/{steps}级审批',
    extensionDays: '延长{days}个工作日：{reason}',
    requestedOn: '提请日期',
    actions: '操作',
    empty: '没有待审批的事项',
    reasons: '理由：',
    basis: '法律依据：',
    previewLetter: '预览答复书',
  },
  {
    title: 'Approvals',
    intro:
      'Decisions and extensions waiting for you. Approving or returning is recorded in the history; a return needs a comment.',
    kind: 'Item',
    decision: 'Decision',
    extension: 'Extension',
    ref: 'Ref.',
    applicant: 'Applicant',
    receivedOn: 'Received',
    answerDueOn: 'Answer due',
    content: 'Content',
    step: 'Approval {step} of {steps}',
    extensionDays: '{days} working days: {reason}',
    requestedOn: 'Requested on',
    actions: 'Actions',
    empty: 'Nothing is waiting for your approval',
    reasons: 'Reasons: ',
    basis: 'Legal basis: ',
    previewLetter: 'Preview the letter',
  },
);

const ACTIONS: Record<ApprovalItem['kind'], [string, string]> = {
  decision: ['APPROVE_DECISION', 'RETURN_DECISION'],
  extension: ['APPROVE_EXTENSION', 'REFUSE_EXTENSION'],
};

/** The leader's inbox; approve and return go through the same events route as the case page. */
export function ApprovalsPage() {
  const t = useMessages(messages);
  const { locale } = useLocale();
  const client = useApiClient();
  const [target, setTarget] = useState<EventTarget>();
  const [previewing, setPreviewing] = useState<string>();
  const approvals = useQuery({
    queryKey: ['approvals'],
    queryFn: () => client.get<ApprovalItem[]>('/approvals'),
  });
  const label = (type: string) => {
    const l = (EVENT_LABELS as Record<string, { zh: string; en: string }>)[type];
    return l ? (locale === 'en' ? l.en : l.zh) : type;
  };

  const columns: ProColumns<ApprovalItem>[] = [
    {
      title: t.kind,
      dataIndex: 'kind',
      width: 100,
      render: (_, r) => (
        <Tag color={r.kind === 'decision' ? 'blue' : 'purple'}>
          {r.kind === 'decision' ? t.decision : t.extension}
        </Tag>
      ),
    },
    {
      title: t.ref,
      dataIndex: 'ref',
      width: 110,
      render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.ref}</Link>,
    },
    { title: t.applicant, dataIndex: 'applicantName', width: 120 },
    { title: t.receivedOn, dataIndex: 'receivedOn', width: 110 },
    { title: t.answerDueOn, dataIndex: 'answerDueOn', width: 110 },
    {
      title: t.content,
      dataIndex: 'outcome',
      render: (_, r) =>
        r.kind === 'decision' ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text strong>{outcomeLabel(r.outcome, locale)}</Typography.Text>
            {r.reason ? (
              <Typography.Text data-testid="approval-reasons">
                {t.reasons}
                {r.reason}
              </Typography.Text>
            ) : null}
            {r.basis ? (
              <Typography.Text data-testid="approval-basis">
                {t.basis}
                {r.basis}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary">
              {formatMessage(t.step, { step: r.step ?? 1, steps: r.steps ?? 1 })}
            </Typography.Text>
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              icon={<EyeOutlined />}
              onClick={() => setPreviewing(r.caseId)}
            >
              {t.previewLetter}
            </Button>
          </Space>
        ) : (
          formatMessage(t.extensionDays, { days: r.workingDays ?? '', reason: r.reason ?? '' })
        ),
    },
    { title: t.requestedOn, dataIndex: 'requestedOn', width: 110 },
    {
      title: t.actions,
      valueType: 'option',
      width: 220,
      render: (_, r) =>
        ACTIONS[r.kind].map((type, i) => (
          <Button
            key={type}
            size="small"
            type={i === 0 ? 'primary' : 'default'}
            danger={i === 1}
            onClick={() =>
              setTarget({ caseId: r.caseId, version: r.version, type, label: label(type) })
            }
          >
            {label(type)}
          </Button>
        )),
    },
  ];

  return (
    <PageContainer title={t.title} content={t.intro}>
      {approvals.isError ? (
        <Alert type="error" showIcon title={serverMessage(approvals.error, locale)} />
      ) : null}
      <ProTable<ApprovalItem>
        rowKey={(r) => `${r.kind}-${r.caseId}`}
        columns={columns}
        dataSource={approvals.data ?? []}
        loading={approvals.isPending}
        search={false}
        pagination={false}
        options={{ reload: () => void approvals.refetch(), density: false, setting: false }}
        locale={{ emptyText: t.empty }}
      />
      <LetterPreview
        caseId={previewing ?? ''}
        kind={previewing ? 'decision' : undefined}
        onClose={() => setPreviewing(undefined)}
      />
      <CaseEventModal
        target={target}
        onClose={() => {
          setTarget(undefined);
          void approvals.refetch();
        }}
      />
    </PageContainer>
  );
}
