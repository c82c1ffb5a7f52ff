import { runCli } from '../testing/run-cli';
import { EXIT_OK, EXIT_USAGE } from '../cli-errors';

const gongkai = (...args: string[]) => runCli('deadlines', ...args);

describe('gongkai deadlines', () => {
  it('prints the regulation.md §6 example as one JSON object', async () => {
    const { code, stdout } = await gongkai('--received', '2025-01-24', '--json');
    expect(code).toBe(EXIT_OK);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({
      supplementNoticeDueOn: '2025-02-10',
      answerDueOn: '2025-02-27',
      complete: true,
      warnings: [],
    });
    expect(json).not.toHaveProperty('feePaymentDueOn');
    expect(json.deadlines.answer.derivation.makeupWorkdays).toEqual(['2025-01-26', '2025-02-08']);
  });

  it('applies the extension, consultations, fee and supplement restart', async () => {
    const ext = JSON.parse(
      (await gongkai('--received', '2025-09-26', '--extension', '20', '--json')).stdout,
    );
    expect(ext.answerDueOn).toBe('2025-11-27');
    const paused = JSON.parse(
      (
        await gongkai(
          '--received',
          '2025-03-03',
          '--consultation',
          '2025-03-05:2025-03-07',
          '--fee-served',
          '2025-03-10',
          '--fee-paid',
          '2025-03-11',
          '--json',
        )
      ).stdout,
    );
    // 3 paused WD (3月6日, 7日, 11日) after the unpaused 2025-03-31.
    expect(paused).toMatchObject({
      answerDueOn: '2025-04-03',
      feePaymentDueOn: '2025-04-08',
      consultationReplyDueOn: '2025-03-26',
    });
    const restarted = JSON.parse(
      (await gongkai('--received', '2025-03-03', '--supplement-received', '2025-03-18', '--json'))
        .stdout,
    );
    expect(restarted.answerDueOn).toBe('2025-04-16');
  });

  it('flags a year without arrangement instead of guessing', async () => {
    const json = JSON.parse((await gongkai('--received', '2026-12-20', '--json')).stdout);
    expect(json.complete).toBe(false);
    expect(json.warnings.join('')).toContain('2027年');
  });

  it('explains the derivation in Chinese by default', async () => {
    const { code, stdout } = await gongkai('--received', '2025-01-24');
    expect(code).toBe(EXIT_OK);
    expect(stdout).toContain('答复期限：2025年2月27日（星期四）');
    expect(stdout).toContain('法定节假日（春节）');
    expect(stdout).toContain('计入调休上班日：2025年1月26日、2025年2月8日');
  });

  it.each([
    [[]],
    [['--received', '2025-02-30']],
    [['--received', '2025-03-03', '--extension', '21']],
    [['--received', '2025-03-03', '--fee-paid', '2025-03-05']],
    [['--received', '2025-03-03', '--consultation', '2025-03-05:2025-03-04']],
    [['--received', '2025-03-03', '--supplement-received', '2025-03-01']],
  ])('exits 2 on bad usage %j', async (args) => {
    const { code, stderr, stdout } = await gongkai(...args);
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/gongkai: /);
  });
});
