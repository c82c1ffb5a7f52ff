export * from './alert-rules';
export * from './raise-alerts';
export * from './notifications.repository';
