export * from './common/clock';
export * from './import';
