export * from './ledger-line';
export * from './ledger-read';
export * from './import-ledger.use-case';
