export * from './agency-in-scope';
export * from './read-published-reports.use-case';
export * from './report-file';
export * from './report-lifecycle.use-case';
