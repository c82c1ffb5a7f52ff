export * from './compose-letter.use-case';
export * from './letter-templates.data';
export * from './manage-letter-templates.use-case';
