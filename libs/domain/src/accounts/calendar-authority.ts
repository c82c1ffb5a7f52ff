/** Who is changing the holiday calendar: its roles, and whether its agency has no parent. */
export interface CalendarEditor {
  readonly roles: readonly string[];
  readonly rootAgency: boolean;
}

/**
 * The State Council's holiday arrangement is national data: loading or correcting a year re-dates
 * the deadlines of every agency's open cases, so only an administrator of a root agency may. A
 * subordinate agency's administrator may preview the effect on its own cases.
 */
export function mayChangeHolidayCalendar(editor: CalendarEditor): boolean {
  return editor.rootAgency && editor.roles.includes('admin');
}
