export * from './ledger-line';
export * from './ledger-read';
export * from './ledger-import';
