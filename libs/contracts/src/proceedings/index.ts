export * from './proceedings.schema';
