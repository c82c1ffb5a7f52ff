import { formatLocalDateZh, isLocalDate, type LocalDate } from '../dates';
import { type CaseEvent, type CaseEventType } from './case.types';

/** An event as a caller states it: everything but the actor, who is the signed-in user. */
export type CaseEventCommand = CaseEvent extends infer E
  ? E extends CaseEvent
    ? Omit<E, 'actor'>
    : never
  : never;

type DateFieldOf<T extends CaseEventType> = {
  [K in keyof Extract<CaseEvent, { type: T }>]-?: Extract<CaseEvent, { type: T }>[K] extends
    LocalDate | undefined
    ? K
    : never;
}[keyof Extract<CaseEvent, { type: T }>];

/**
 * Which dates of each event are facts that have happened — the legal date of the event, the
 * day of 送达 — and so cannot lie after today. The other dates are deadlines set forward (the
 * 补正 period given, the Art. 35 delayed answer date) and are meant to be in the future.
 */
export const FACT_DATES: { readonly [T in CaseEventType]: readonly DateFieldOf<T>[] } = {
  ACCEPT: ['on'],
  REQUEST_SUPPLEMENT: ['on'],
  SUPPLEMENT_RECEIVED: ['on'],
  SUPPLEMENT_OVERDUE: ['on'],
  START_CONSULTATION: ['on'],
  CONSULTATION_REPLIED: ['on'],
  CONSULTATION_EXPIRED: ['on'],
  SERVE_FEE_NOTICE: ['on'],
  FEE_PAID: ['on'],
  FEE_OVERDUE: ['on'],
  REQUEST_REASONS: ['on'],
  REASONS_JUDGED: ['on'],
  DRAFT_DECISION: ['on'],
  APPROVE_DECISION: ['on'],
  RETURN_DECISION: ['on'],
  REQUEST_EXTENSION: ['on'],
  APPROVE_EXTENSION: ['on'],
  REFUSE_EXTENSION: ['on'],
  RECORD_SERVICE: ['on', 'servedOn'],
  RECORD_NOTICE_SERVICE: ['on', 'servedOn'],
  WITHDRAW: ['on'],
  YEAR_CLOSED: ['on'],
};

const FACT_DATE_LABELS: Readonly<Record<string, string>> = {
  on: '办理日期',
  servedOn: '送达日期',
  receivedOn: '收到申请日期',
};

export interface FutureDateRefusal {
  readonly code: 'future_date';
  readonly field: string;
  readonly message: string;
}

/** A fact dated after today: registration, an event, an imported line alike. */
export function futureFactDate(
  field: string,
  date: LocalDate,
  today: LocalDate,
): FutureDateRefusal | null {
  if (!isLocalDate(date) || date <= today) return null;
  const label = FACT_DATE_LABELS[field] ?? field;
  return {
    code: 'future_date',
    field,
    message: `${label}不能晚于今天（${formatLocalDateZh(today)}）：${formatLocalDateZh(date)}`,
  };
}

/** The first fact date of the event that lies after today, if any. */
export function futureDateRefusal(
  event: { readonly type: CaseEventType },
  today: LocalDate,
): FutureDateRefusal | null {
  const dates: Readonly<Record<string, unknown>> = event;
  for (const field of FACT_DATES[event.type] as readonly string[]) {
    const value = dates[field];
    if (typeof value !== 'string') continue;
    const refusal = futureFactDate(field, value, today);
    if (refusal) return refusal;
  }
  return null;
}

/** The Art. 31 receipt date of a registration is a fact too. */
export function futureReceiptRefusal(
  receivedOn: LocalDate,
  today: LocalDate,
): FutureDateRefusal | null {
  return futureFactDate('receivedOn', receivedOn, today);
}
