export * from './fee-rules';
export * from './fee-derivation';
