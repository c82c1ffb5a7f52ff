import type { ReportDraftView } from '@gongkai/contracts';
import { formatMessage, useLocale, useMessages } from '@gongkai/ui';
import { Alert, Button, Checkbox, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatInstant } from '../common/format-date';
import { studioMessages } from './studio.messages';
import type { LifecycleAction } from './studio.queries';

type Messages = Record<keyof (typeof studioMessages)['zh-CN'], string>;

export const STATUS_KEYS: Record<ReportDraftView['status'], keyof Messages> = {
  draft: 'statusDraft',
  submitted: 'statusSubmitted',
  approved: 'statusApproved',
  published: 'statusPublished',
};

/**
 * The steps the API allows this user now (`allowed`): the UI never decides, it offers. Each
 * step asks for what it needs — a return needs a comment, a correction a change note.
 */
export function LifecyclePanel({
  draft,
  pending,
  error,
  onStep,
}: {
  draft: ReportDraftView;
  pending: boolean;
  error: string | null;
  onStep: (action: LifecycleAction, body: Record<string, string | boolean>) => void;
}) {
  const t = useMessages(studioMessages);
  const [comment, setComment] = useState('');
  const [note, setNote] = useState('');
  const [crossYear, setCrossYear] = useState(draft.crossYearNote ?? '');
  const [acknowledged, setAcknowledged] = useState(false);
  // N1/N2 do not block; the API asks the approving leader to acknowledge them when publishing.
  const narrativeFails = draft.checks.some((c) => !c.ok && (c.id === 'N1' || c.id === 'N2'));
  const allowed = new Set(draft.allowed);
  const nextVersion = draft.latestVersion + 1;
  // I5 (cross-year) blocks until the clerk explains it; the note goes with the submission.
  const i5Blocks = draft.blockers.some((c) => c.id === 'I5');
  const otherBlockers = draft.blockers.some((c) => c.id !== 'I5');
  // A clerk who may edit may submit once nothing blocks: the button stays visible, disabled, so
  // the reason (the checks panel) is never hidden.
  const canSubmit = allowed.has('submit') || allowed.has('editTexts');
  const submitBlocked = otherBlockers || (i5Blocks && !crossYear.trim());
  return (
    <section aria-labelledby="lifecycle-title">
      <Typography.Title level={2} id="lifecycle-title" style={{ fontSize: 16 }}>
        {t.actionsTitle}
      </Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <div>
          {t.status}：<Tag data-testid="report-status">{t[STATUS_KEYS[draft.status]]}</Tag>
        </div>
        {draft.review.comment && (
          <Alert
            type="info"
            title={formatMessage(t.lastReview, { comment: draft.review.comment })}
          />
        )}
        {error && <Alert type="error" showIcon role="alert" title={error} />}
        {canSubmit && i5Blocks && (
          <label>
            {t.crossYearNote}
            <Input.TextArea
              value={crossYear}
              onChange={(e) => setCrossYear(e.target.value)}
              rows={2}
            />
          </label>
        )}
        {canSubmit && (
          <Button
            type="primary"
            block
            loading={pending}
            disabled={submitBlocked}
            onClick={() =>
              onStep('submit', crossYear.trim() ? { crossYearNote: crossYear.trim() } : {})
            }
          >
            {t.submit}
          </Button>
        )}
        {(allowed.has('approve') || allowed.has('return')) && (
          <label>
            {allowed.has('approve') ? t.reviewComment : t.returnComment}
            <Input.TextArea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} />
          </label>
        )}
        {allowed.has('approve') && (
          <Button
            type="primary"
            block
            loading={pending}
            onClick={() => onStep('approve', comment.trim() ? { comment: comment.trim() } : {})}
          >
            {t.approve}
          </Button>
        )}
        {allowed.has('return') && (
          <Button
            block
            danger
            loading={pending}
            disabled={!comment.trim()}
            onClick={() => onStep('return', { comment: comment.trim() })}
          >
            {t.returnDraft}
          </Button>
        )}
        {allowed.has('publish') && nextVersion > 1 && (
          <label>
            {t.changeNote}
            <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
          </label>
        )}
        {allowed.has('publish') && narrativeFails && (
          <>
            <Alert type="warning" showIcon title={t.narrativeAckHint} />
            <Checkbox
              data-testid="narrative-ack"
              checked={acknowledged}
              onChange={(e) => setAcknowledged(e.target.checked)}
            >
              {t.narrativeAck}
            </Checkbox>
          </>
        )}
        {allowed.has('publish') && (
          <Button
            type="primary"
            block
            loading={pending}
            disabled={(nextVersion > 1 && !note.trim()) || (narrativeFails && !acknowledged)}
            onClick={() =>
              onStep('publish', {
                ...(nextVersion > 1 ? { changeNote: note.trim() } : {}),
                ...(narrativeFails ? { acknowledgeNarrative: true } : {}),
              })
            }
          >
            {nextVersion > 1 ? formatMessage(t.publishCorrection, { n: nextVersion }) : t.publish}
          </Button>
        )}
        {draft.allowed.length === 0 && (
          <Typography.Text type="secondary">{t.noActions}</Typography.Text>
        )}
      </Space>
    </section>
  );
}

export function VersionsPanel({ draft }: { draft: ReportDraftView }) {
  const t = useMessages(studioMessages);
  const { locale } = useLocale();
  return (
    <section aria-labelledby="versions-title">
      <Typography.Title level={2} id="versions-title" style={{ fontSize: 16 }}>
        {t.versionsTitle}
      </Typography.Title>
      {draft.versions.length === 0 ? (
        <Typography.Text type="secondary">{t.noVersions}</Typography.Text>
      ) : (
        <ol reversed style={{ paddingLeft: 20 }}>
          {[...draft.versions].reverse().map((v) => (
            <li key={v.version} data-testid={`studio-version-${v.version}`}>
              <Link to={`/reports/${draft.agency.code}/${draft.year}?version=${v.version}`}>
                {formatMessage(t.version, { n: v.version })}
              </Link>{' '}
              <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                {formatInstant(locale, v.publishedAt)}
              </span>
              <div style={{ fontSize: 13 }}>{v.changeNote ?? t.firstPublication}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
