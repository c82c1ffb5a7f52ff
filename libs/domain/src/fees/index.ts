export * from './fee-rules';
