export * from './resident-id';
export * from './phone-number';
export * from './credit-code';
