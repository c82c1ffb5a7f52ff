import fc from 'fast-check';
import { reportFormatForYear } from './report-formats';

describe('report format by year (Project rule 14)', () => {
  it.each([
    [2019, '2019'],
    [2020, '2019'],
    [2021, '2021'],
    [2025, '2021'],
  ])('%i → %s', (year, format) => {
    expect(reportFormatForYear(year)).toBe(format);
  });

  it('property: once the 2021 format applies, it applies to every later year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 0, max: 50 }), (y, d) => {
        if (reportFormatForYear(y) === '2021') expect(reportFormatForYear(y + d)).toBe('2021');
      }),
    );
  });
});
