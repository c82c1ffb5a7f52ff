export * from './common/clock';
export * from './cases';
export * from './config';
export * from './deadlines';
export * from './notifications';
export * from './proceedings';
export * from './reports';
export * from './section2';
export * from './statistics';
// The transition path's commands and results, defined beside the code still in persistence that
// takes them (import, demo data, sweeps); callers import them from here.
export {
  SYSTEM_ACTOR,
  type CaseEventInput,
  type JournalActor,
  type RegisterCaseInput,
  type TransitionOptions,
  type TransitionResult,
} from '@gongkai/persistence';
