export * from './agency-in-scope';
export * from './read-published-reports.use-case';
export * from './report-file';
export * from './report-lifecycle.use-case';
export * from './export-published-site.use-case';
export * from './render-report.use-case';
