import { ManualClock } from './clock';

describe('ManualClock', () => {
  it('moves only when told, and hands out copies', () => {
    const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
    const seen = clock.now();
    seen.setUTCFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-03-02T08:00:00.000Z');
    clock.advanceMinutes(90);
    expect(clock.now().toISOString()).toBe('2026-03-02T09:30:00.000Z');
  });
});
