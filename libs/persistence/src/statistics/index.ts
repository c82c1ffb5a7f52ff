export * from './year-statistics';
export * from './statistics.repository';
