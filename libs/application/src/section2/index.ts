export * from './section2-figures.use-case';
