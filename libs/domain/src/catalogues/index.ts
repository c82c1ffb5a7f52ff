export * from './applicant-categories';
export * from './outcomes';
export * from './channels';
export * from './proceedings';
export * from './service-methods';
export * from './report-formats';
export * from './decision-reasons';
