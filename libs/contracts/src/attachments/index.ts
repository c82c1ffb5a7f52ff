export * from './attachment.schema';
export * from './attachment-download.schema';
