import type { PutCalendarYearRequest } from '@gongkai/contracts';
import { validateArrangement, type CalendarArrangement } from '@gongkai/domain';
import { ApplicationError } from '../common/application-error';

/** The arrangement as stored: dates deduplicated and sorted; 400 naming every problem. */
export function arrangementOf(year: number, body: PutCalendarYearRequest): CalendarArrangement {
  const arrangement: CalendarArrangement = {
    year,
    holidays: [...new Set(body.holidays)].sort(),
    makeupWorkdays: [...new Set(body.makeupWorkdays)].sort(),
    source: body.source,
    ...(body.names ? { names: body.names } : {}),
  };
  const problems = validateArrangement(arrangement);
  if (problems.length) {
    throw new ApplicationError('invalid', `节假日安排有误：${problems.join('；')}`, {
      code: 'invalid_arrangement',
      problems,
    });
  }
  return arrangement;
}
