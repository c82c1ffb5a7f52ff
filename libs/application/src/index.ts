export * from './common/clock';
export * from './journal';
