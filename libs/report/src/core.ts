// `@gongkai/report/core`: the report without the formats that need a third-party library, for
// pages that lay out and display a report. A bundle importing this entry never pulls docx,
// exceljs, mammoth or node-html-parser; `@gongkai/report` re-exports this and those formats.
// core.spec.ts keeps it that way.
export * from './report-model';
export * from './section3.builder';
export * from './section4.builder';
export * from './consistency.checks';
export * from './paragraphs.generator';
export * from './report-tables.layout';
export * from './text.renderer';
export * from './json.renderer';
export * from './html.renderer';
export * from './csv.renderer';
export * from './text.parser';
export * from './json.parser';
export * from './narrative.checks';
export * from './reader/report-lines';
export * from './reader/report-findings';
export * from './reader/label-match';
export * from './reader/digit-split';
export { readReportLines, type ReadOptions, type ReadResult } from './reader/table-reader';
export * from './lifecycle/report-lifecycle';
export * from './year-statistics';
