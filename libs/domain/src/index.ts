export * from './catalogues';
export * from './dates';
export * from './calendar';
export * from './clock';
export * from './fees';
export * from './identity';
export * from './case';
export * from './diagram';
