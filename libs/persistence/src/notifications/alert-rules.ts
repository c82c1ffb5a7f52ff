import {
  formatLocalDateZh,
  isDueSoon,
  isOverdue,
  type AnswerFacts,
  type LocalDate,
  type WorkingDayCalendar,
} from '@gongkai/domain';
import type { NotificationKind } from '../entities/notification.entity';

/** Art. 30: the 补正 notice is due within 7 WD; the warning comes on day 6, one WD left. */
export const SUPPLEMENT_NOTICE_WARNING_WORKING_DAYS = 1;

/**
 * What the rules need to know about a case (columns of `cases`, no snapshot). Overdue and due
 * soon are the domain's `isOverdue` / `isDueSoon` (DUE_SOON_WORKING_DAYS), as on the desk.
 */
export interface AlertCaseFacts extends AnswerFacts {
  readonly ref: string;
  readonly state: string;
  readonly closed: boolean;
  readonly servedOn: LocalDate | null;
  readonly answerDueOn: LocalDate | null;
  readonly supplementNoticeDueOn: LocalDate | null;
}

/** What a case's deadlines call for; journal_failed is raised by the journal's verification. */
export type DeadlineAlertKind = Exclude<NotificationKind, 'journal_failed'>;

export interface Alert {
  readonly kind: DeadlineAlertKind;
  readonly dueOn: LocalDate;
  readonly title: string;
  readonly body: string;
}

/**
 * The alerts (预警/督办) a case calls for on `today`. Pure: the daily job and its table tests call
 * it with the same facts. Each alert is keyed by its due date, so a moved deadline alerts again.
 */
export function alertsFor(
  c: AlertCaseFacts,
  today: LocalDate,
  calendar: WorkingDayCalendar,
): Alert[] {
  const alerts: Alert[] = [];
  const due = c.answerDueOn;
  // answerOwed (domain): open, or decided and not yet served (Project rule 2).
  if (due && isOverdue(c, today)) {
    alerts.push({
      kind: 'answer_overdue',
      dueOn: due,
      title: `已超过答复期限：${c.ref}`,
      body:
        c.state === 'awaitingService'
          ? `案件 ${c.ref} 的答复决定已作出，但答复期限（${formatLocalDateZh(due)}）已过仍未送达（第三十三条）。`
          : `案件 ${c.ref} 的答复期限（${formatLocalDateZh(due)}）已过，尚未作出答复（第三十三条）。`,
    });
  } else if (due && isDueSoon(c, today, calendar)) {
    const left = calendar.workingDaysBetween(today, due).count;
    alerts.push({
      kind: 'answer_due_soon',
      dueOn: due,
      title: `答复期限将至：${c.ref}`,
      body:
        left === 0
          ? `案件 ${c.ref} 今天（${formatLocalDateZh(due)}）答复期满（第三十三条）。`
          : `案件 ${c.ref} 的答复期限为${formatLocalDateZh(due)}，还剩 ${left} 个工作日（第三十三条）。`,
    });
  }
  // Only a case nobody has yet judged complete: once accepted, no 补正 is expected.
  const notice = c.supplementNoticeDueOn;
  if (c.state === 'intake' && notice && notice >= today) {
    const left = calendar.workingDaysBetween(today, notice).count;
    if (left <= SUPPLEMENT_NOTICE_WARNING_WORKING_DAYS) {
      alerts.push({
        kind: 'supplement_notice_due',
        dueOn: notice,
        title: `补正告知期限将至：${c.ref}`,
        body: `案件 ${c.ref} 如需申请人补正，应在${formatLocalDateZh(notice)}前一次性告知（收到申请之日起7个工作日内，第三十条）。`,
      });
    }
  }
  return alerts;
}
