export * from './attachment.schema';
