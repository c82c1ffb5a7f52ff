export * from './attach-file.use-case';
export * from './attachment-content';
export * from './read-attachments.use-case';
