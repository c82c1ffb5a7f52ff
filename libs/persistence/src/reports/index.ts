export * from './report.entity';
export * from './report-version.entity';
export * from './report-versions.repository';
export * from './report-sources.repository';
export * from './report-drafts.repository';
