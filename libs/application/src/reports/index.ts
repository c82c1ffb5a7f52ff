export * from './agency-in-scope';
