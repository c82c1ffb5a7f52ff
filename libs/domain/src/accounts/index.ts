export * from './password-policy';
export * from './calendar-authority';
