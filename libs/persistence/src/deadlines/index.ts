export * from './deadline-sweep';
export * from './year-close';
