export * from './common/clock';
export * from './journal';
export * from './letters';
export * from './import';
export * from './common/application-error';
export * from './auth/attempt-counter';
export * from './auth/change-own-password.use-case';
export * from './auth/password-hasher';
export * from './auth/resolve-session.use-case';
export * from './auth/session-user';
export { hashToken } from './auth/sessions';
export * from './auth/sign-in.use-case';
export * from './auth/sign-out.use-case';
export * from './directory/create-agency.use-case';
export * from './directory/create-user.use-case';
export * from './directory/list-agencies.use-case';
export * from './directory/update-agency.use-case';
export * from './directory/list-users.use-case';
export * from './directory/update-user.use-case';
export * from './directory/user-view';
export * from './calendar/get-calendar-year.use-case';
export * from './calendar/load-calendar-year.use-case';
export * from './calendar/preview-calendar-year.use-case';
export * from './attachments';
export * from './cases';
export * from './config';
export * from './deadlines';
export * from './desk';
export * from './notifications';
export * from './online';
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
export * from './fees/compute-fee.use-case';
export * from './metrics/count-cases.use-case';
