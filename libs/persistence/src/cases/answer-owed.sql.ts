import { ANSWER_OWED_CLOSED_STATE } from '@gongkai/domain';

/**
 * The domain's `answerOwed` as a SQL condition on `cases` (optionally aliased, e.g. `c.`): the
 * case is open, or decided and approved but not yet served (Project rule 2). `isOverdue` is this
 * and `answer_due_on < today`; the desk's figures, its overdue filter and the alerts all use it, so
 * a decision waiting for 送达 past its deadline is late everywhere.
 */
export function answerOwedSql(alias = ''): string {
  return `(NOT ${alias}closed OR (${alias}state = '${ANSWER_OWED_CLOSED_STATE}' AND ${alias}served_on IS NULL))`;
}
