export * from './import.schema';
