export * from './journal-verification';
export * from './journal-audit';
