import { JOB_NAMES, JOB_SCHEDULES, jobId } from './jobs';
import { notificationListQuerySchema } from './notifications';

describe('job names and ids', () => {
  it('names jobs <area>.<verb> and schedules only known jobs', () => {
    for (const name of JOB_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z]+$/);
    for (const s of JOB_SCHEDULES) expect(JOB_NAMES).toContain(s.name);
  });

  it('never puts a colon in a job id (BullMQ 6 refuses it)', () => {
    expect(jobId('year.close', 2025)).toBe('year.close__2025');
    expect(jobId('deadlines.sweep', '2025-03-21T00:00:00')).toBe(
      'deadlines.sweep__2025-03-21T00_00_00',
    );
  });
});

describe('notification list query', () => {
  it('defaults the page and reads unreadOnly as a boolean', () => {
    expect(notificationListQuerySchema.parse({})).toEqual({ page: 1, pageSize: 20 });
    expect(notificationListQuerySchema.parse({ unreadOnly: 'true', page: '2' })).toEqual({
      unreadOnly: true,
      page: 2,
      pageSize: 20,
    });
    expect(notificationListQuerySchema.safeParse({ pageSize: '500' }).success).toBe(false);
  });
});
