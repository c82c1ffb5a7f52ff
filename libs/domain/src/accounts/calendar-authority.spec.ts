import { mayChangeHolidayCalendar } from './calendar-authority';

describe('mayChangeHolidayCalendar', () => {
  it.each([
    [['admin'], true, true],
    [['admin'], false, false],
    [['clerk', 'leader', 'auditor'], true, false],
    [[], true, false],
  ])('roles %j, root agency %s → %s', (roles, rootAgency, allowed) => {
    expect(mayChangeHolidayCalendar({ roles, rootAgency })).toBe(allowed);
  });
});
