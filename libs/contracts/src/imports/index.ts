export * from './import.schema';
export * from './import-job.schema';
