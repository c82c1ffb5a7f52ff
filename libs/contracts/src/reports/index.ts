export * from './report-texts.schema';
export * from './reports.schema';
export * from './statistics.view';
