export * from './common/clock';
