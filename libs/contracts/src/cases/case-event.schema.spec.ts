import { CASE_PAYLOAD_LIMITS } from '@gongkai/domain';
import { caseEventCommandOf } from './case-event-command';
import { sendCaseEventSchema } from './case-event.schema';

const extension = (workingDays: number) =>
  sendCaseEventSchema.safeParse({
    type: 'REQUEST_EXTENSION',
    payload: { on: '2025-03-10', workingDays, reason: '需要调取档案' },
  });

describe('event payload limits come from the domain', () => {
  const { min, max } = CASE_PAYLOAD_LIMITS.extensionWorkingDays;
  it.each([
    [min, true],
    [max, true],
    [min - 1, false],
    [max + 1, false],
  ])('an extension of %i working days: accepted %s', (days, ok) => {
    expect(extension(days).success).toBe(ok);
  });

  it('names the statutory maximum in the refusal', () => {
    const result = extension(max + 1);
    expect(result.success ? '' : result.error.issues[0]?.message).toBe(
      `延长期限最长不超过${max}个工作日（第三十三条）`,
    );
  });

  it('refuses more 补正 items than the limit', () => {
    const items = Array.from({ length: CASE_PAYLOAD_LIMITS.supplementItems.max + 1 }, () => '材料');
    const parsed = sendCaseEventSchema.safeParse({
      type: 'REQUEST_SUPPLEMENT',
      payload: { on: '2025-03-10', dueOn: '2025-03-20', items },
    });
    expect(parsed.success).toBe(false);
  });
});

describe('caseEventCommandOf', () => {
  it('gives the domain command: the type beside its own fields', () => {
    const parsed = sendCaseEventSchema.parse({
      type: 'RECORD_SERVICE',
      payload: { on: '2025-03-10', method: 'post', servedOn: '2025-03-09' },
      expectedVersion: 3,
    });
    expect(caseEventCommandOf(parsed)).toEqual({
      type: 'RECORD_SERVICE',
      on: '2025-03-10',
      method: 'post',
      servedOn: '2025-03-09',
    });
  });
});
