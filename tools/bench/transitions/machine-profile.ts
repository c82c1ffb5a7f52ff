// Profile of the pure transition path (run by hand, never in tests):
//   SWC_NODE_PROJECT=tools/tsconfig.json node -r @swc-node/register tools/bench/transitions/machine-profile.ts [rounds]
// Applies a realistic case history (accept → consult → reply → fee notice → paid → extension →
// granted → draft → two approvals → service) through `applyCaseEvent` and, for comparison, through
// XState's public `transition()` alone, and prints microseconds per event. The HTTP benchmark
// (`npm run bench:transitions`) measures the whole path; this one isolates the machine.
import { performance } from 'node:perf_hooks';
import { createActor, transition, type AnyActorScope } from 'xstate';
import {
  applyCaseEvent,
  caseMachineFor,
  computeDeadlines,
  createCase,
  defaultWorkingDayCalendar,
  validateEvent,
  type CaseEvent,
  type CaseSnapshot,
} from '@gongkai/domain';

const ROUNDS = Number(process.argv[2] ?? 2000);
const calendar = defaultWorkingDayCalendar();
const clerk = { id: 'clerk-1', role: 'clerk' } as const;
const leader = { id: 'leader-1', role: 'leader' } as const;
const leader2 = { id: 'leader-2', role: 'leader' } as const;

const HISTORY: readonly CaseEvent[] = [
  { type: 'ACCEPT', on: '2025-03-04', actor: clerk },
  { type: 'START_CONSULTATION', on: '2025-03-05', actor: clerk, party: 'third_party' },
  {
    type: 'SERVE_FEE_NOTICE',
    on: '2025-03-06',
    actor: clerk,
    standard: 'per_page',
    amountYuan: 2700,
    pages: 200,
  },
  { type: 'CONSULTATION_REPLIED', on: '2025-03-12', actor: clerk },
  { type: 'FEE_PAID', on: '2025-03-13', actor: clerk },
  {
    type: 'REQUEST_EXTENSION',
    on: '2025-03-14',
    actor: clerk,
    workingDays: 10,
    reason: '档案调取',
  },
  { type: 'APPROVE_EXTENSION', on: '2025-03-14', actor: leader },
  { type: 'DRAFT_DECISION', on: '2025-03-20', actor: clerk, outcome: 'disclosed' },
  { type: 'APPROVE_DECISION', on: '2025-03-21', actor: leader },
  { type: 'APPROVE_DECISION', on: '2025-03-21', actor: leader2 },
  {
    type: 'RECORD_SERVICE',
    on: '2025-03-24',
    actor: clerk,
    method: 'post',
    servedOn: '2025-03-24',
  },
];

// CPU time of this process, not wall time: the machine is shared, and others' load would count.
function cpuMicros(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}

function time(label: string, run: (start: CaseSnapshot) => void): void {
  const start = createCase({ receivedOn: '2025-03-03', approvalSteps: 2 }, calendar);
  for (let i = 0; i < Math.min(200, ROUNDS); i++) run(start); // warm-up
  const wall0 = performance.now();
  const cpu0 = cpuMicros();
  for (let i = 0; i < ROUNDS; i++) run(start);
  const n = ROUNDS * HISTORY.length;
  const cpu = (cpuMicros() - cpu0) / n;
  const wall = ((performance.now() - wall0) * 1000) / n;
  process.stdout.write(
    `${label.padEnd(48)} ${cpu.toFixed(1).padStart(7)} µs CPU/event  (${wall.toFixed(1)} µs wall)\n`,
  );
}

time('applyCaseEvent (the engine)', (start) => {
  let s = start;
  for (const e of HISTORY) {
    const r = applyCaseEvent(s, e, calendar);
    if (!r.ok) throw new Error(`${e.type}: ${r.message}`);
    s = r.snapshot;
  }
});

const machine = caseMachineFor(calendar);
time('xstate transition() alone (guards + actions)', (start) => {
  let s = start;
  for (const e of HISTORY) {
    const [next] = transition(machine, s, e);
    if (next === s) throw new Error(`${e.type} refused`);
    s = next;
  }
});

// For comparison only: the hand-built actor scope the engine used before issue 12 (it depends on
// XState internals — `machine.transition(snapshot, event, scope)` — and is not used by the engine).
const self = createActor(machine, { input: { receivedOn: '2000-01-01' } });
const ignore = (): void => undefined;
const inert = {
  self,
  id: '',
  sessionId: '',
  logger: ignore,
  defer: ignore,
  emit: ignore,
  stopChild: ignore,
  system: self.system,
  actionExecutor: ignore,
} as unknown as AnyActorScope;
time('machine.transition with an inert scope (internal)', (start) => {
  let s = start;
  for (const e of HISTORY) {
    const next = machine.transition(s, e, inert);
    if (next === s) throw new Error(`${e.type} refused`);
    s = next;
  }
});

// The parts, each on the snapshot before the event.
const before: CaseSnapshot['context'][] = [];
{
  let s = createCase({ receivedOn: '2025-03-03', approvalSteps: 2 }, calendar);
  for (const e of HISTORY) {
    before.push(s.context);
    const r = applyCaseEvent(s, e, calendar);
    if (!r.ok) throw new Error(r.message);
    s = r.snapshot;
  }
}
time('validateEvent (the rules, once)', () => {
  before.forEach((context, i) => validateEvent(context, HISTORY[i] as CaseEvent, calendar));
});
time('computeDeadlines (once)', () => {
  before.forEach((context) => computeDeadlines(context.ledger, calendar));
});
