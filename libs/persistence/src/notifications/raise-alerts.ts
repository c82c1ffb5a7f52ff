import type { DataSource } from 'typeorm';
import { addDays, type LocalDate } from '@gongkai/domain';
import { CalendarSource } from '../cases/calendar-source';
import { answerOwedSql } from '../cases/answer-owed.sql';
import { alertsFor, type Alert } from './alert-rules';

/** Sends one alert e-mail; the worker's is nodemailer over SMTP_URL. */
export interface AlertMailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

export interface RaiseAlertsOptions {
  readonly today: LocalDate;
  /** The instant recorded as the alerts' creation time (the injected clock). */
  readonly now: Date;
  /** Omitted when SMTP is not configured: alerts are then only shown in the desk. */
  readonly mailer?: AlertMailer | null;
  readonly agencyIds?: readonly string[];
}

export interface RaiseAlertsResult {
  readonly today: LocalDate;
  readonly casesChecked: number;
  /** New notifications (a person, a kind, a case, a due date); repeats are not counted. */
  readonly created: number;
  readonly byKind: Record<Alert['kind'], number>;
  readonly emailed: number;
  readonly emailFailures: number;
}

interface CaseRow {
  id: string;
  agency_id: string;
  ref: string;
  state: string;
  closed: boolean;
  served_on: string | null;
  answer_due_on: string | null;
  supplement_notice_due_on: string | null;
  assigned_clerk_id: string | null;
}

// Three working days never span more than this many calendar days, even over 春节 or 国庆.
const HORIZON_DAYS = 21;
const MAX_EMAIL_ATTEMPTS = 3;

/**
 * The daily alerts (预警/督办): answer due within 3 WD, answer overdue, 补正 notice not yet sent
 * with one WD left. Each goes to the responsible clerk (the assigned one, else every clerk of the
 * agency) and the agency's leaders, once: the unique key (user, kind, case, due date) makes a
 * re-run or a retried job add nothing. New alerts are then e-mailed when a mailer is given.
 */
export async function raiseAlerts(
  dataSource: DataSource,
  options: RaiseAlertsOptions,
): Promise<RaiseAlertsResult> {
  const { today, now } = options;
  const calendar = await new CalendarSource().get(dataSource.manager);
  const horizon = addDays(today, HORIZON_DAYS);
  const cases = (await dataSource.query(
    `SELECT id, agency_id, ref, state, closed, served_on::text, answer_due_on::text,
            deadlines->'supplementNotice'->>'dueOn' AS supplement_notice_due_on, assigned_clerk_id
       FROM cases
      WHERE ($3::uuid[] IS NULL OR agency_id = ANY($3::uuid[]))
        AND (
          (${answerOwedSql()} AND answer_due_on <= $2::date)
          OR (state = 'intake'
            AND (deadlines->'supplementNotice'->>'dueOn')::date BETWEEN $1::date AND $2::date)
        )`,
    [today, horizon, options.agencyIds ?? null],
  )) as CaseRow[];

  const byKind: Record<Alert['kind'], number> = {
    answer_due_soon: 0,
    answer_overdue: 0,
    supplement_notice_due: 0,
  };
  let created = 0;
  const staff = new StaffDirectory(dataSource);
  for (const c of cases) {
    const alerts = alertsFor(
      {
        ref: c.ref,
        state: c.state,
        closed: c.closed,
        servedOn: c.served_on,
        answerDueOn: c.answer_due_on,
        supplementNoticeDueOn: c.supplement_notice_due_on,
      },
      today,
      calendar,
    );
    if (alerts.length === 0) continue;
    const recipients = await staff.recipients(c.agency_id, c.assigned_clerk_id);
    for (const alert of alerts) {
      for (const userId of recipients) {
        const inserted = (await dataSource.query(
          `INSERT INTO notifications (user_id, agency_id, case_id, kind, due_on, title, body, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (user_id, kind, case_id, due_on) DO NOTHING
           RETURNING id`,
          [userId, c.agency_id, c.id, alert.kind, alert.dueOn, alert.title, alert.body, now],
        )) as { id: string }[];
        if (inserted.length) {
          created += 1;
          byKind[alert.kind] += 1;
        }
      }
    }
  }
  const mail = options.mailer
    ? await sendPendingEmails(dataSource, options.mailer, now, options.agencyIds)
    : { emailed: 0, failures: 0 };
  return {
    today,
    casesChecked: cases.length,
    created,
    byKind,
    emailed: mail.emailed,
    emailFailures: mail.failures,
  };
}

/** Active clerks and leaders per agency, read once per run. */
class StaffDirectory {
  private readonly byAgency = new Map<string, { clerks: string[]; leaders: string[] }>();

  constructor(private readonly dataSource: DataSource) {}

  async recipients(agencyId: string, assignedClerkId: string | null): Promise<string[]> {
    let staff = this.byAgency.get(agencyId);
    if (!staff) {
      const rows = (await this.dataSource.query(
        `SELECT id, roles FROM users WHERE agency_id = $1 AND active ORDER BY id`,
        [agencyId],
      )) as { id: string; roles: string[] }[];
      staff = {
        clerks: rows.filter((u) => u.roles.includes('clerk')).map((u) => u.id),
        leaders: rows.filter((u) => u.roles.includes('leader')).map((u) => u.id),
      };
      this.byAgency.set(agencyId, staff);
    }
    const responsible =
      assignedClerkId && staff.clerks.includes(assignedClerkId) ? [assignedClerkId] : staff.clerks;
    return [...new Set([...responsible, ...staff.leaders])];
  }
}

/**
 * E-mails alerts not yet sent (this run's, and earlier ones whose sending failed), at most a
 * few attempts each. A crash between sending and marking can repeat one e-mail; never an alert.
 */
async function sendPendingEmails(
  dataSource: DataSource,
  mailer: AlertMailer,
  now: Date,
  agencyIds: readonly string[] | undefined,
): Promise<{ emailed: number; failures: number }> {
  const pending = (await dataSource.query(
    `SELECT n.id, n.title, n.body, u.email AS address
       FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.emailed_at IS NULL AND n.email_failures < $1 AND n.created_at > $2::timestamptz
        AND u.active
        AND u.email IS NOT NULL AND u.email <> ''
        AND ($3::uuid[] IS NULL OR n.agency_id = ANY($3::uuid[]))
      ORDER BY n.created_at`,
    [MAX_EMAIL_ATTEMPTS, new Date(now.getTime() - 3 * 86_400_000), agencyIds ?? null],
  )) as { id: string; title: string; body: string; address: string }[];
  let emailed = 0;
  let failures = 0;
  for (const n of pending) {
    try {
      await mailer.send({ to: n.address, subject: `【政务公开预警】${n.title}`, text: n.body });
      await dataSource.query('UPDATE notifications SET emailed_at = $2 WHERE id = $1', [n.id, now]);
      emailed += 1;
    } catch {
      await dataSource.query(
        'UPDATE notifications SET email_failures = email_failures + 1 WHERE id = $1',
        [n.id],
      );
      failures += 1;
    }
  }
  return { emailed, failures };
}
