import { configuredDeadline, publicationDeadline } from './publication-deadline';

describe('publicationDeadline', () => {
  it('is 1月31日 of the next year by default, with the days left', () => {
    expect(publicationDeadline(2023, '01-31', '2024-01-01')).toEqual({
      dueOn: '2024-01-31',
      daysRemaining: 30,
    });
  });

  it('takes 3月31日 for a 本级政府 report, and counts past the date as negative', () => {
    expect(publicationDeadline(2023, '03-31', '2024-04-02')).toEqual({
      dueOn: '2024-03-31',
      daysRemaining: -2,
    });
  });

  it('ignores a malformed setting', () => {
    expect(configuredDeadline('13-45')).toBe('01-31');
    expect(configuredDeadline(undefined)).toBe('01-31');
    expect(publicationDeadline(2022, '02-29', '2023-01-01').dueOn).toBe('2023-02-28');
  });
});
