import { Inject } from '@nestjs/common';
import { localDateInShanghai, type LocalDate } from '@gongkai/domain';

/** Time is injected so that tests move it instead of sleeping until a deadline passes. */
export interface Clock {
  now(): Date;
}

export const WORKER_CLOCK = Symbol('WORKER_CLOCK');
export const InjectClock = (): ParameterDecorator => Inject(WORKER_CLOCK);
export const systemClock: Clock = { now: () => new Date() };

/** Deadlines are counted in the agency's local days (Asia/Shanghai), whatever the host's zone. */
export function todayOf(clock: Clock): LocalDate {
  return localDateInShanghai(clock.now());
}

/** A clock tests can set. */
export class ManualClock implements Clock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date): void {
    this.current = new Date(to);
  }
}
