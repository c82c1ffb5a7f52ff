import { Tag } from 'antd';
import { useMessages } from '../i18n/i18n.context';
import { defineMessages, formatMessage } from '../i18n/messages';

const messages = defineMessages(
  {
    left: '剩余{n}个工作日',
    today: '今日到期',
    overdue: '已超期{n}个工作日',
    dueOn: '答复期限：{date}',
  },
  {
    left: '{n} working days left',
    today: 'Due today',
    overdue: '{n} working days overdue',
    dueOn: 'Answer due: {date}',
  },
);

export interface DeadlineBadgeProps {
  /** The API's signed count (`answerDueWorkingDays`): > 0 to go, 0 today, < 0 overdue. */
  workingDays: number | null | undefined;
  /** Shown as the tooltip, so the badge never hides the actual date. */
  dueOn?: string | null;
  /** From how many working days left the badge turns orange. */
  warnAt?: number;
}

/**
 * 剩余3个工作日 / 已超期2个工作日. The count comes from the API, which owns the working-day calendar;
 * the badge only chooses the words and the colour.
 */
export function DeadlineBadge({ workingDays, dueOn, warnAt = 5 }: DeadlineBadgeProps) {
  const t = useMessages(messages);
  if (workingDays === null || workingDays === undefined) return null;
  const title = dueOn ? formatMessage(t.dueOn, { date: dueOn }) : undefined;
  if (workingDays < 0) {
    return (
      <Tag color="error" title={title} data-testid="deadline-badge">
        {formatMessage(t.overdue, { n: -workingDays })}
      </Tag>
    );
  }
  if (workingDays === 0) {
    return (
      <Tag color="error" title={title} data-testid="deadline-badge">
        {t.today}
      </Tag>
    );
  }
  return (
    <Tag
      color={workingDays <= warnAt ? 'warning' : 'success'}
      title={title}
      data-testid="deadline-badge"
    >
      {formatMessage(t.left, { n: workingDays })}
    </Tag>
  );
}
