export * from './ledger-line';
export * from './ledger-read';
export * from './ledger-workbook';
export * from './workbook-synonyms';
export { canon, codeOf, parseCellDate } from './workbook-values';
export * from './import-ledger.use-case';
export * from './import-ledger-into.use-case';
