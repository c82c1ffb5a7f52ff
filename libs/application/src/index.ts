export * from './common/clock';
export * from './journal';
export * from './fees/compute-fee.use-case';
