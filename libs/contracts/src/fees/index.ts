export * from './fee.schema';
