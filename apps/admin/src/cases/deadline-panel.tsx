import type { CaseView } from '@gongkai/contracts';
import { DEADLINE_LABELS, deadlineList, explainDeadline } from '@gongkai/domain';
import { useLocale, useMessages } from '@gongkai/ui';
import { Alert, Collapse, Space, Tag, Typography } from 'antd';
import { detailMessages } from './detail.messages';

type Deadline = CaseView['deadlines']['answer'];

/**
 * Each deadline with its derivation (trigger, day 1, skipped rest days and holidays, make-up
 * working days, pauses, extension), as the API computed it: a clerk sees why a date is what it is.
 */
export function DeadlinePanel({ deadlines: d }: { deadlines: CaseView['deadlines'] }) {
  const t = useMessages(detailMessages);
  const { locale } = useLocale();
  const list: Deadline[] = deadlineList(d);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="deadline-panel">
      {d.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} />
      ))}
      <Collapse
        size="small"
        defaultActiveKey={['answer']}
        items={list.map((deadline, i) => ({
          key: deadline.kind === 'answer' ? 'answer' : `${deadline.kind}-${i}`,
          label: (
            <Space wrap>
              <Typography.Text strong>
                {locale === 'en' ? deadline.labelEn : deadline.label}
              </Typography.Text>
              <Typography.Text>{deadline.dueOn ?? t.notRunning}</Typography.Text>
              <Typography.Text type="secondary">
                {locale === 'en' ? DEADLINE_LABELS[deadline.kind].basisEn : deadline.basis}
              </Typography.Text>
              {deadline.provisional ? <Tag color="warning">{t.provisional}</Tag> : null}
              {!deadline.complete ? <Tag color="error">{t.incomplete}</Tag> : null}
            </Space>
          ),
          children: (
            <ol style={{ margin: 0, paddingInlineStart: 20 }}>
              {/* The API's explanation is the engine's Chinese; the engine also words it in English. */}
              {(locale === 'en' ? explainDeadline(deadline, 'en') : deadline.explanation).map(
                (line) => (
                  <li key={line}>{line}</li>
                ),
              )}
              {deadline.warnings.map((w) => (
                <li key={w}>
                  <Typography.Text type="warning">{w}</Typography.Text>
                </li>
              ))}
            </ol>
          ),
        }))}
      />
    </Space>
  );
}
