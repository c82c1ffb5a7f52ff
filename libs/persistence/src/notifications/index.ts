export * from './alert-rules';
export * from './raise-alerts';
