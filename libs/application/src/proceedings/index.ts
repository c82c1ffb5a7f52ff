export * from './list-proceedings.use-case';
export * from './record-proceeding.use-case';
export * from './remove-proceeding.use-case';
export * from './update-proceeding.use-case';
