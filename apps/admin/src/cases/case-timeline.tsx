import { journalTypeLabel, type TimelineEntry } from '@gongkai/contracts';
import {
  EVENT_LABELS,
  legalBasisLabel,
  PAYLOAD_FIELD_LABELS,
  payloadValueLabel,
} from '@gongkai/domain';
import { useLocale, useMessages } from '@gongkai/ui';
import { Empty, Spin, Timeline, Typography } from 'antd';
import { outcomeLabel, serviceMethodLabel, stateLabel } from '../common/catalogue-labels';
import { AttachmentNoteDetail, isAttachmentNote } from './case-attachments';
import { useTimeline } from './case.queries';
import { detailMessages } from './detail.messages';
import { shanghaiTime } from '../common/today';
import { adminMessages } from '../admin.messages';
import { DESK_ROLES, type DeskRole } from '../auth/desk-user';
import { roleLabel } from '../shell/role-labels';

// The date and actor have their own line; effects are bookkeeping for the service, not the clerk.
const HIDDEN_KEYS = new Set(['on', 'actor', 'effects']);
// Of the journal notes, only a reassignment says something the reader needs: to whom and why.
const NOTES_WITH_DETAILS = new Set(['ASSIGNEE_CHANGED']);

/** The journal of the case, as auditors read it: who, when, on what legal basis, with what. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const t = useMessages(detailMessages);
  const { locale } = useLocale();
  const shell = useMessages(adminMessages);
  const timeline = useTimeline(caseId);
  const actorRole = (role: string) =>
    role === 'system'
      ? t.systemActor
      : (DESK_ROLES as readonly string[]).includes(role)
        ? roleLabel(shell, role as DeskRole)
        : role;
  if (timeline.isPending) return <Spin />;
  if (timeline.isError)
    return <Typography.Text type="danger">{timeline.error.message}</Typography.Text>;
  if (!timeline.data.length) return <Empty />;
  const label = (e: TimelineEntry) =>
    locale === 'en'
      ? ((EVENT_LABELS as Record<string, { en: string } | undefined>)[e.type]?.en ??
        journalTypeLabel(e.type)?.en ??
        e.label)
      : e.label;
  const pick = (l: { zh: string; en: string }) => (locale === 'en' ? l.en : l.zh);
  const detail = (key: string, value: unknown): string => {
    if (key === 'outcome') return outcomeLabel(String(value), locale);
    if (key === 'method') return serviceMethodLabel(String(value), locale);
    if (key === 'basis' && typeof value === 'string') return legalBasisLabel(value) ?? '—';
    const coded = payloadValueLabel(key, value);
    if (coded) return pick(coded);
    if (Array.isArray(value)) return value.join('；');
    if (value === null) return '—';
    if (typeof value === 'object' && 'id' in value) {
      const user = value as { id: string; displayName?: string | null };
      return user.displayName ?? user.id;
    }
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  return (
    <Timeline
      data-testid="case-timeline"
      items={timeline.data.map((e) => ({
        key: e.seq,
        color: e.machineEvent ? 'blue' : 'gray',
        content: (
          <div data-testid="timeline-entry">
            <Typography.Text strong>{label(e)}</Typography.Text>{' '}
            <Typography.Text type="secondary">→ {stateLabel(e.stateAfter, locale)}</Typography.Text>
            <div>
              {t.occurredOn}：{e.occurredOn} · {t.actor}：{e.actor.displayName ?? e.actor.id}（
              {actorRole(e.actor.role)}） · {t.recordedAt}：{shanghaiTime(e.recordedAt, locale)}
            </div>
            {legalBasisLabel(e.basis) ? (
              <div>
                {t.basis}：{legalBasisLabel(e.basis)}
              </div>
            ) : null}
            {/* Registration facts are shown above; other notes carry no clerk-facing payload. */}
            {Object.entries(e.machineEvent || NOTES_WITH_DETAILS.has(e.type) ? e.payload : {})
              .filter(([k]) => !HIDDEN_KEYS.has(k))
              .map(([k, v]) => (
                <div key={k}>
                  <Typography.Text type="secondary">
                    {PAYLOAD_FIELD_LABELS[k] ? pick(PAYLOAD_FIELD_LABELS[k]) : k}：{detail(k, v)}
                  </Typography.Text>
                </div>
              ))}
            {isAttachmentNote(e.type) ? <AttachmentNoteDetail payload={e.payload} /> : null}
          </div>
        ),
      }))}
    />
  );
}
