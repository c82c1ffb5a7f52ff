export * from './clock-ledger';
export * from './deadlines';
