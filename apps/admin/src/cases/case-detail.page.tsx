import { ArrowLeftOutlined, EyeOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { CaseView, IdentityRevealResponse } from '@gongkai/contracts';
import { DeadlineBadge, formatMessage, useApiClient, useLocale, useMessages } from '@gongkai/ui';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Input,
  Popconfirm,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CaseFileButtons } from '../audit/case-file-buttons';
import { hasRole } from '../auth/desk-user';
import { useDeskUser } from '../auth/session.context';
import { categoryLabel, channelLabel, outcomeLabel, stateLabel } from '../common/catalogue-labels';
import { serverMessage, useServerMessage } from '../common/server-messages';
import { assigneeMessages } from './assignee.messages';
import { CaseAssignee } from './case-assignee';
import { CaseAttachments } from './case-attachments';
import { CaseEventModal, type EventTarget } from './case-event-form';
import { CaseLetters } from './case-letters';
import { CaseProceedings } from './case-proceedings';
import { CaseTimeline } from './case-timeline';
import { useCase } from './case.queries';
import { DeadlinePanel } from './deadline-panel';
import { detailMessages } from './detail.messages';

/** 案件详情: facts, deadlines with derivations, only the API's allowed actions, letters, history. */
export function CaseDetailPage() {
  const { id = '' } = useParams();
  const t = useMessages(detailMessages);
  const { locale } = useLocale();
  const user = useDeskUser();
  const detail = useCase(id);
  const [target, setTarget] = useState<EventTarget>();

  if (detail.isPending) return <Spin style={{ display: 'block', margin: '96px auto' }} />;
  if (detail.isError)
    return (
      <Result
        status="404"
        title={serverMessage(detail.error, locale)}
        extra={
          <Link to="/cases">
            <Button>{t.back}</Button>
          </Link>
        }
      />
    );
  const { case: view, allowedEvents } = detail.data;

  return (
    <PageContainer
      title={
        <Space>
          <Link to="/cases" aria-label={t.back}>
            <ArrowLeftOutlined />
          </Link>
          <span>
            {t.title} {view.ref}
          </span>
        </Space>
      }
      tags={
        <Space size={4}>
          <Tag color={view.closed ? 'default' : 'processing'} data-testid="case-state">
            {stateLabel(view.state, locale)}
          </Tag>
          {/* The fee region runs beside the procedure (a notice may be served while consulting). */}
          {(view.feeState === 'awaiting' && view.state !== 'awaitingFee') ||
          view.feeState === 'paid' ? (
            <Tag color={view.feeState === 'awaiting' ? 'orange' : 'default'} data-testid="case-fee">
              {stateLabel(`fee.${view.feeState}`, locale)}
            </Tag>
          ) : null}
          {view.extensionState !== 'none' ? (
            <Tag>{stateLabel(`extension.${view.extensionState}`, locale)}</Tag>
          ) : null}
          <DeadlineBadge workingDays={view.answerDueWorkingDays} dueOn={view.answerDueOn} />
        </Space>
      }
      extra={hasRole(user, 'auditor', 'leader') ? <CaseFileButtons caseId={view.id} /> : null}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t.actions} style={{ marginBottom: 16 }} data-testid="case-actions">
            {allowedEvents.length ? (
              <Space wrap>
                {allowedEvents.map((e) => (
                  <Button
                    key={e.type}
                    type={e.type.startsWith('APPROVE') ? 'primary' : 'default'}
                    onClick={() =>
                      setTarget({
                        caseId: view.id,
                        version: view.version,
                        type: e.type,
                        label: locale === 'en' ? e.labelEn : e.label,
                      })
                    }
                  >
                    {locale === 'en' ? e.labelEn : e.label}
                  </Button>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">{t.noActions}</Typography.Text>
            )}
          </Card>
          <Card title={t.facts} style={{ marginBottom: 16 }}>
            <CaseFacts view={view} />
          </Card>
          <CaseAttachments caseId={view.id} agencyId={view.agencyId} />
          <Card title={t.timeline} style={{ marginBottom: 16 }}>
            <CaseTimeline caseId={view.id} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t.deadlines} style={{ marginBottom: 16 }}>
            <DeadlinePanel deadlines={view.deadlines} />
          </Card>
          <Card title={t.letters} style={{ marginBottom: 16 }}>
            <CaseLetters caseId={view.id} caseRef={view.ref} version={view.version} />
          </Card>
          <CaseProceedings caseId={view.id} agencyId={view.agencyId} />
        </Col>
      </Row>
      <CaseEventModal target={target} onClose={() => setTarget(undefined)} />
    </PageContainer>
  );
}

function CaseFacts({ view }: { view: CaseView }) {
  const t = useMessages(detailMessages);
  const a = useMessages(assigneeMessages);
  const { locale } = useLocale();
  const flags = Object.entries(view.flags)
    .filter(([, on]) => on)
    .map(([flag]) => {
      const key = `flag${flag[0]?.toUpperCase()}${flag.slice(1)}` as keyof typeof t;
      return t[key] ?? flag;
    });
  return (
    <Descriptions
      column={{ xs: 1, md: 2 }}
      size="small"
      bordered
      items={[
        { key: 'ref', label: t.ref, children: <span data-testid="case-ref">{view.ref}</span> },
        { key: 'queryCode', label: t.queryCode, children: view.queryCode },
        { key: 'receivedOn', label: t.receivedOn, children: view.receivedOn },
        { key: 'channel', label: t.channel, children: channelLabel(view.channel, locale) },
        {
          key: 'applicant',
          label: t.applicant,
          children: <span data-testid="applicant-name">{view.applicant.name}</span>,
        },
        {
          key: 'category',
          label: t.category,
          children: categoryLabel(view.applicant.category, locale),
        },
        // An organisation's identity (Art. 29 (一)); public, so shown in full.
        ...(view.applicant.category === 'natural_person'
          ? []
          : [
              {
                key: 'creditCode',
                label: t.creditCode,
                children: (
                  <span data-testid="applicant-credit-code" style={{ fontFamily: 'monospace' }}>
                    {view.applicant.creditCode ?? '—'}
                  </span>
                ),
              },
              {
                key: 'contactPerson',
                label: t.contactPerson,
                children: (
                  <span data-testid="applicant-contact">{view.applicant.contactPerson ?? '—'}</span>
                ),
              },
            ]),
        {
          key: 'identity',
          label: t.identity,
          children: view.applicant.identityNumberMasked ? (
            <IdentityNumber caseId={view.id} masked={view.applicant.identityNumberMasked} />
          ) : (
            '—'
          ),
        },
        { key: 'phone', label: t.phone, children: view.applicant.phone ?? '—' },
        { key: 'email', label: t.email, children: view.applicant.email ?? '—' },
        { key: 'address', label: t.address, children: view.applicant.address ?? '—' },
        {
          key: 'request',
          label: t.request,
          span: 'filled',
          children: (
            <Typography.Paragraph style={{ margin: 0 }}>{view.request}</Typography.Paragraph>
          ),
        },
        { key: 'form', label: t.requestedForm, children: view.requestedForm ?? '—' },
        { key: 'state', label: t.state, children: stateLabel(view.state, locale) },
        { key: 'assignee', label: a.assignee, children: <CaseAssignee view={view} /> },
        {
          key: 'outcome',
          label: t.outcome,
          children: (
            <span data-testid="case-outcome">{outcomeLabel(view.outcome, locale) || '—'}</span>
          ),
        },
        { key: 'decidedOn', label: t.decidedOn, children: view.decidedOn ?? '—' },
        { key: 'servedOn', label: t.servedOn, children: view.servedOn ?? '—' },
        {
          key: 'approvals',
          label: t.approvals,
          children: formatMessage(t.approvalProgress, {
            done: view.approvals.length,
            steps: view.approvalSteps,
          }),
        },
        ...(flags.length
          ? [
              {
                key: 'flags',
                label: t.flags,
                span: 'filled' as const,
                children: flags.map((f) => (
                  <Tag key={f} color="warning">
                    {f}
                  </Tag>
                )),
              },
            ]
          : []),
      ]}
    />
  );
}

/** Masked by default; the full number only on request, and the API records who looked. */
function IdentityNumber({ caseId, masked }: { caseId: string; masked: string }) {
  const t = useMessages(detailMessages);
  const client = useApiClient();
  const { message } = App.useApp();
  const errorText = useServerMessage();
  const [reason, setReason] = useState('');
  const [full, setFull] = useState<string>();
  const reveal = async () => {
    try {
      const answer = await client.post<IdentityRevealResponse>(`/cases/${caseId}/identity/reveal`, {
        reason: reason.trim() || undefined,
      });
      setFull(answer.identityNumber);
      void message.info(t.revealed);
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  if (full) return <Typography.Text code>{full}</Typography.Text>;
  return (
    <Space>
      <Typography.Text code>{masked}</Typography.Text>
      <Popconfirm
        title={t.revealReason}
        description={
          <Input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-label={t.revealReason}
            maxLength={500}
          />
        }
        onConfirm={() => void reveal()}
      >
        <Button size="small" icon={<EyeOutlined />}>
          {t.reveal}
        </Button>
      </Popconfirm>
    </Space>
  );
}
