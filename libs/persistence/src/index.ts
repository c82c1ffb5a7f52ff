export * from './data-source';
export * from './database-admin';
export * from './entities';
export { MIGRATIONS } from './migrations';
