export * from './calendar-arrangement';
export * from './chinese-days-arrangements';
export * from './working-day-calendar';
export * from './supported-dates';
