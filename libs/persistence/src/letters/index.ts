export * from './letters.repository';
