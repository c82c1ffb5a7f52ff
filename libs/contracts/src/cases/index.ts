export * from './common.schema';
export * from './register-application.schema';
export * from './case-event.schema';
export * from './case-query.schema';
export * from './case-view.schema';
export * from './reassign-case.schema';
export * from './case-event-command';
export * from './dashboard.schema';
