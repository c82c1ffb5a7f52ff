export * from './resident-id';
export * from './phone-number';
