export * from './journal-finding';
export * from './journal-replay';
export * from './verify-journal.use-case';
export * from './take-checkpoint.use-case';
export * from './check-journal-nightly.use-case';
export * from './list-checkpoints.use-case';
export * from './search-journal.use-case';
