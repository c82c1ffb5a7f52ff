export * from './statistics.types';
export * from './statistics.repository';
