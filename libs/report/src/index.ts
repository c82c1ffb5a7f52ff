// Everything: the dependency-free core (also importable alone as `@gongkai/report/core`, as the
// web pages do) and the formats built on docx, exceljs, mammoth and node-html-parser.
export * from './core';
export * from './docx.renderer';
export * from './xlsx.renderer';
export * from './html.parser';
export * from './docx.parser';
export * from './report.parser';
export * from './report.lint';
export * from './pdf/pdf.parser';
export * from './pdf/pdf-text.pool';
