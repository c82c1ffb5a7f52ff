export * from './jobs';
export * from './auth/auth.schema';
