export * from './proceedings.repository';
