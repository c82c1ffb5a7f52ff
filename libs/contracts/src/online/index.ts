export * from './online-application.schema';
