export * from './case-errors';
export * from './calendar-source';
export * from './case-transition';
export * from './journal-hash';
export * from './journal-verify';
export * from './case-replay';
