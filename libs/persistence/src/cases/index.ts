export * from './case-errors';
export * from './calendar-source';
export * from './case-transition.repository';
export * from './case-transitions.port';
export * from './journal-hash';
export * from './journal-verify';
export * from './case-read.repository';
