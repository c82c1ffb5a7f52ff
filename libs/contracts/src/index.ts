export * from './jobs';
export * from './auth/auth.schema';
export * from './cases';
export * from './proceedings';
export * from './section2';
export * from './calendar';
export * from './imports';
export * from './reports';
