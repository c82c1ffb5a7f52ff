export * from './common/clock';
export * from './journal';
export * from './import';
