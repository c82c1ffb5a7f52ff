import { createActor, type AnyActorScope, type AnyStateMachine } from 'xstate';
import type { CaseMachine } from './case.machine';
import type { CaseEvent, CreateCaseInput } from './case.types';
import type { CaseSnapshot } from './case-engine';

/**
 * XState 5's pure `transition()` and `initialTransition()` build a throwaway actor on every call
 * (and with it the machine's initial state), which costs more than the transition itself; only
 * XState 6 drops it (statelyai/xstate#5632). What they do with that actor is hand its scope to
 * the machine's own `transition`/`getInitialSnapshot` and collect the actions to execute. The
 * case machine has no timers, no invoked or spawned actors and no actions besides `assign`
 * (resolved into the context, never executed), so the scope is never written to and one per
 * machine serves every case: the same pure step, without the throwaway actor.
 */
const scopes = new WeakMap<CaseMachine, AnyActorScope>();

function scopeOf(machine: CaseMachine): AnyActorScope {
  let scope = scopes.get(machine);
  if (!scope) {
    // Built as XState's createInertActorScope builds it. Without input the actor's own initial
    // state fails (the machine needs the registration facts); the actor is never started.
    const self = createActor(machine as AnyStateMachine);
    scope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => undefined,
      defer: () => undefined,
      emit: () => undefined,
      stopChild: () => undefined,
      // What pure `transition()` returns for the caller to execute and the engine drops.
      actionExecutor: () => undefined,
    } as AnyActorScope;
    scopes.set(machine, scope);
  }
  return scope;
}

/** `transition(machine, snapshot, event)[0]`: the same snapshot object when no transition is taken. */
export function stepMachine(
  machine: CaseMachine,
  snapshot: CaseSnapshot,
  event: CaseEvent,
): CaseSnapshot {
  return machine.transition(snapshot, event, scopeOf(machine));
}

/** `initialTransition(machine, input)[0]`. */
export function initialMachineSnapshot(machine: CaseMachine, input: CreateCaseInput): CaseSnapshot {
  return machine.getInitialSnapshot(scopeOf(machine), input);
}
