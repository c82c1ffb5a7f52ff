import fc from 'fast-check';
import { APPLICANT_CATEGORY_CODES, OUTCOME_CODES } from '@gongkai/domain';
import { runChecks } from './consistency.checks';
import { type AnnualReport, createReport } from './report-model';
import { buildSection3, type CaseFacts } from './section3.builder';
import { buildSection4, type ProceedingFacts } from './section4.builder';

const iso = (d: Date): string => d.toISOString().slice(0, 10);

describe('buildSection3', () => {
  const cases: CaseFacts[] = [
    {
      receivedOn: '2022-12-20',
      decidedOn: '2023-01-10',
      outcome: 'disclosed',
      applicantCategory: 'natural_person',
    },
    {
      receivedOn: '2023-03-01',
      decidedOn: '2023-03-20',
      outcome: 'other.fee_unpaid',
      applicantCategory: 'commercial_enterprise',
    },
    {
      receivedOn: '2023-12-28',
      decidedOn: null,
      outcome: null,
      applicantCategory: 'natural_person',
    },
    {
      receivedOn: '2021-05-01',
      decidedOn: '2021-05-02',
      outcome: 'disclosed',
      applicantCategory: 'natural_person',
    },
  ];

  it('counts receipt, carry-in, outcome by decision date and carry-forward (Project rule 2)', () => {
    const s = buildSection3(cases, 2023);
    expect(s.rows.received).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(s.rows.carried_in).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(s.rows.disclosed).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(s.rows['other.fee_unpaid']).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(s.rows.total).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(s.rows.carried_forward).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });

  it('folds the three other.* outcomes into the single 2019 row', () => {
    const s = buildSection3(
      [
        {
          receivedOn: '2020-03-01',
          decidedOn: '2020-03-05',
          outcome: 'other.other',
          applicantCategory: 'other_org',
        },
      ],
      2020,
    );
    expect(s.rows.other).toEqual([0, 0, 0, 0, 0, 1, 1]);
    expect(s.rows['other.other']).toBeUndefined();
  });

  it('rejects a decision dated before the receipt', () => {
    expect(() =>
      buildSection3(
        [
          {
            receivedOn: '2023-03-02',
            decidedOn: '2023-03-01',
            outcome: 'disclosed',
            applicantCategory: 'natural_person',
          },
        ],
        2023,
      ),
    ).toThrow(RangeError);
  });

  it('property: I1–I4 hold on the generated report of every year, and I5 links consecutive years', () => {
    const day = fc
      .integer({ min: 0, max: 6 * 366 })
      .map((n) => new Date(Date.UTC(2019, 0, 1) + n * 86_400_000));
    const caseArb = fc
      .record({
        received: day,
        decision: fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }),
        outcome: fc.constantFrom(...OUTCOME_CODES),
        applicantCategory: fc.constantFrom(...APPLICANT_CATEGORY_CODES),
      })
      .map((c): CaseFacts => ({
        receivedOn: iso(c.received),
        decidedOn:
          c.decision === null
            ? null
            : iso(new Date(c.received.getTime() + c.decision * 86_400_000)),
        outcome: c.decision === null ? null : c.outcome,
        applicantCategory: c.applicantCategory,
      }));
    const proceedingArb = fc
      .record({
        filed: day,
        concluded: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
        kind: fc.constantFrom(
          'reconsideration',
          'litigation_direct',
          'litigation_after_reconsideration' as const,
        ),
        result: fc.constantFrom('maintained', 'corrected', 'other' as const),
      })
      .map((p): ProceedingFacts => ({
        kind: p.kind,
        filedOn: iso(p.filed),
        concludedOn:
          p.concluded === null ? null : iso(new Date(p.filed.getTime() + p.concluded * 86_400_000)),
        result: p.concluded === null ? null : p.result,
      }));
    fc.assert(
      fc.property(
        fc.array(caseArb, { maxLength: 80 }),
        fc.array(proceedingArb, { maxLength: 20 }),
        (cases, proceedings) => {
          let previous: AnnualReport | null = null;
          for (let year = 2019; year <= 2025; year++) {
            const report = createReport({
              agency: { code: 'x', name: 'X' },
              year,
              section3: buildSection3(cases, year),
              section4: buildSection4(proceedings, year),
            });
            const checks = runChecks(report, previous);
            const failing = checks.filter((c) => !c.ok);
            expect(failing).toEqual([]);
            previous = report;
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('buildSection4', () => {
  it('counts a proceeding in its filing year under its result at 31 December (Project rule 6)', () => {
    const s = buildSection4(
      [
        {
          kind: 'reconsideration',
          filedOn: '2023-11-01',
          concludedOn: '2024-01-15',
          result: 'maintained',
        },
        {
          kind: 'reconsideration',
          filedOn: '2023-02-01',
          concludedOn: '2023-04-01',
          result: 'corrected',
        },
        {
          kind: 'litigation_direct',
          filedOn: '2022-12-01',
          concludedOn: '2023-03-01',
          result: 'maintained',
        },
      ],
      2023,
    );
    expect(s.reconsideration).toEqual({
      maintained: 0,
      corrected: 1,
      other: 0,
      pending: 1,
      total: 2,
    });
    expect(s.litigation_direct.total).toBe(0);
  });
});
