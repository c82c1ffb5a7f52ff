export * from './add-case-note.use-case';
export * from './apply-case-event.use-case';
export * from './case-transition.service';
export { nextDueOn, stateColumns } from './case-transition.context';
export * from './preview-calendar.use-case';
export * from './reassign-case.use-case';
export * from './recompute-deadlines.use-case';
export * from './register-case.use-case';
