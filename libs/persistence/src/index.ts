export * from './data-source';
export * from './database-admin';
export * from './entities';
export { MIGRATIONS } from './migrations';
export * from './cases';
export * from './crypto/identity-cipher';
export * from './agencies/agency-tree';
