export * from './list-notifications.use-case';
export * from './mark-notification-read.use-case';
export * from './raise-alerts.use-case';
