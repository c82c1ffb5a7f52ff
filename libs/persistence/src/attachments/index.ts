export * from './attachments.repository';
