export * from './agency-ids-by-code';
export * from './close-year.use-case';
export * from './sweep-deadlines.use-case';
