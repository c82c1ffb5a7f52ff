export * from './find-similar-cases.use-case';
export * from './list-clerks.use-case';
export * from './list-identity-reveals.use-case';
export * from './manage-approval-policy.use-case';
export * from './read-desk-figures.use-case';
