export * from './case.types';
export * from './case-labels';
export * from './case-rules';
export * from './case-context';
export * from './case.machine';
export * from './case-engine';
export * from './case-upgrade';
export * from './journal-notes';
