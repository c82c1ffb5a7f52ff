import { journalTypeLabel, type ProceedingView, type TimelineEntry } from '@gongkai/contracts';
import {
  EVENT_LABELS,
  legalBasisLabel,
  PAYLOAD_FIELD_LABELS,
  payloadValueLabel,
} from '@gongkai/domain';
import { useLocale, useMessages } from '@gongkai/ui';
import { Empty, Spin, Timeline, Typography } from 'antd';
import {
  outcomeLabel,
  proceedingKindLabel,
  proceedingResultLabel,
  serviceMethodLabel,
  stateLabel,
} from '../common/catalogue-labels';
import { AttachmentNoteDetail, isAttachmentNote } from './case-attachments';
import { serverMessage } from '../common/server-messages';
import { useProceedings, useTimeline } from './case.queries';
import { detailMessages } from './detail.messages';
import { shanghaiTime } from '../common/today';
import { adminMessages } from '../admin.messages';
import { DESK_ROLES, type DeskRole } from '../auth/desk-user';
import { roleLabel } from '../shell/role-labels';

// The date and actor have their own line; effects are bookkeeping for the service, not the clerk.
const HIDDEN_KEYS = new Set(['on', 'actor', 'effects']);
// Of the journal notes, only a reassignment says something the reader needs: to whom and why.
const NOTES_WITH_DETAILS = new Set(['ASSIGNEE_CHANGED']);

type Item = { journal: TimelineEntry } | { proceeding: ProceedingView };

/**
 * The journal with the case's 复议/诉讼 put in at their filing dates. Proceedings are not journal
 * rows (they are recorded after the case, for section 四), so each goes after the journal entries
 * of its day and before the later ones; the journal keeps its own order.
 */
export function timelineItems(
  journal: readonly TimelineEntry[],
  proceedings: readonly ProceedingView[],
): Item[] {
  const pending = [...proceedings].sort((a, b) => a.filedOn.localeCompare(b.filedOn));
  const items: Item[] = [];
  for (const entry of journal) {
    while (pending[0] && pending[0].filedOn < entry.occurredOn) {
      items.push({ proceeding: pending.shift() as ProceedingView });
    }
    items.push({ journal: entry });
  }
  return [...items, ...pending.map((proceeding) => ({ proceeding }))];
}

/** The journal of the case, as auditors read it: who, when, on what legal basis, with what. */
export function CaseTimeline({ caseId }: { caseId: string }) {
  const t = useMessages(detailMessages);
  const { locale } = useLocale();
  const shell = useMessages(adminMessages);
  const timeline = useTimeline(caseId);
  const proceedings = useProceedings(caseId);
  const actorRole = (role: string) =>
    role === 'system'
      ? t.systemActor
      : (DESK_ROLES as readonly string[]).includes(role)
        ? roleLabel(shell, role as DeskRole)
        : role;
  if (timeline.isPending || proceedings.isPending) return <Spin />;
  if (timeline.isError)
    return <Typography.Text type="danger">{serverMessage(timeline.error, locale)}</Typography.Text>;
  // The 复议/诉讼 panel shows why proceedings could not be read; the journal still stands.
  const items = timelineItems(timeline.data, proceedings.data ?? []);
  if (!items.length) return <Empty />;
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
  const proceedingItem = (p: ProceedingView) => ({
    key: `proceeding-${p.id}`,
    color: 'orange',
    content: (
      <div data-testid="timeline-entry">
        <Typography.Text strong>{proceedingKindLabel(p.kind, locale)}</Typography.Text>
        <div>
          {t.proceedingFiledOn}：{p.filedOn}
        </div>
        <div>
          {t.proceedingResult}：
          {p.result && p.concludedOn
            ? `${proceedingResultLabel(p.result, locale)}（${t.proceedingConcludedOn}：${p.concludedOn}）`
            : proceedingResultLabel('pending', locale)}
        </div>
        {p.note ? (
          <div>
            <Typography.Text type="secondary">{p.note}</Typography.Text>
          </div>
        ) : null}
      </div>
    ),
  });
  const journalItem = (e: TimelineEntry) => ({
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
  });
  return (
    <Timeline
      data-testid="case-timeline"
      items={items.map((item) =>
        'journal' in item ? journalItem(item.journal) : proceedingItem(item.proceeding),
      )}
    />
  );
}
