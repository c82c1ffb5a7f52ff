export * from './clock-ledger';
export * from './deadlines';
export * from './ledger-deadlines';
