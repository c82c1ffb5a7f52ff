export * from './journal-verification';
