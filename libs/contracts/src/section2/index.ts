export * from './section2.schema';
