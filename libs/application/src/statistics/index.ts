export * from './read-statistics.use-case';
