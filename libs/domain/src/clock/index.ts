export * from './clock-ledger';
export * from './deadlines';
export * from './ledger-deadlines';
export * from './calculator-ledger';
