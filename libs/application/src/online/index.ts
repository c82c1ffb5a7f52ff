export * from './application-stage';
export * from './look-up-application-status.use-case';
export * from './submit-online-application.use-case';
