export * from './public-site.schema';
