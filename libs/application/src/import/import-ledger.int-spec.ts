import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { addDays, APPLICANT_CATEGORY_CODES, type LocalDate } from '@gongkai/domain';
import { verifyAgencyJournal } from '@gongkai/persistence';
import { CaseTransitionService } from '../cases/case-transition.service';
import { openTestDatabase, seedAgency } from '@gongkai/persistence/testing';
import { importLedger } from './import-ledger.use-case';
import { readJsonl, readXlsx } from './ledger-read';

// A real published report (section 三) turned into the register that would produce it.
const FIXTURE = path.join(
  __dirname,
  '../../../report/src/__fixtures__/2023-pingtan-zonghe-shiyanqu.json',
);

function ledgerFromReport(): { lines: object[]; outcomes: Record<string, number[]> } {
  const report = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as {
    section3: { rows: Record<string, number[]> };
  };
  const rows = report.section3.rows;
  const outcomes: Record<string, number[]> = {};
  const lines: object[] = [];
  let n = 0;
  const day = (i: number): LocalDate => addDays('2023-02-01', (i * 3) % 280);
  for (const [key, counts] of Object.entries(rows)) {
    if (['received', 'carried_in', 'total', 'carried_forward'].includes(key)) continue;
    outcomes[key] = counts;
    APPLICANT_CATEGORY_CODES.forEach((category, column) => {
      for (let k = 0; k < counts[column]; k++) {
        const receivedOn = day(n++);
        const base = {
          ref: `2023-${String(n).padStart(3, '0')}`,
          receivedOn,
          channel: 'online',
          applicant: { category, name: `申请人${n}` },
          request: '申请公开某项信息',
        };
        const decidedOn = addDays(receivedOn, 12);
        if (key === 'other.supplement_overdue') {
          lines.push({
            ...base,
            supplement: { requestedOn: addDays(receivedOn, 1), dueOn: addDays(receivedOn, 10) },
            outcome: key,
            decidedOn: addDays(receivedOn, 11),
          });
        } else if (key === 'other.fee_unpaid') {
          lines.push({
            ...base,
            fee: { noticeServedOn: addDays(receivedOn, 2), amountYuan: 100 },
            outcome: key,
            decidedOn: addDays(receivedOn, 40),
          });
        } else if (key === 'unavailable.unclear_after_supplement') {
          lines.push({
            ...base,
            supplement: {
              requestedOn: addDays(receivedOn, 1),
              dueOn: addDays(receivedOn, 10),
              receivedOn: addDays(receivedOn, 5),
            },
            outcome: key,
            decidedOn,
          });
        } else {
          lines.push({
            ...base,
            outcome: key,
            decidedOn,
            service: { method: 'post', servedOn: addDays(decidedOn, 1) },
          });
        }
      }
    });
  }
  lines.push({
    ref: '2023-OPEN',
    receivedOn: '2023-12-20',
    channel: 'post',
    applicant: { category: 'natural_person' },
    proceedings: [{ kind: 'reconsideration', filedOn: '2024-01-10' }],
  });
  return { lines, outcomes };
}

describe('ledger import', () => {
  let ds: DataSource;
  let transitions: CaseTransitionService;

  beforeAll(async () => {
    ds = await openTestDatabase();
    transitions = new CaseTransitionService(ds, { today: () => '2024-06-30' });
  });
  afterAll(() => ds.destroy());

  it('imports a ledger made from a published report, and importing it again changes nothing', async () => {
    const agency = await seedAgency(ds, 'ledger');
    const { lines, outcomes } = ledgerFromReport();
    const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
    const report = await importLedger(ds, transitions, readJsonl(text), { agencyId: agency.id });
    expect(report.rejected).toEqual([]);
    expect(report).toMatchObject({
      committed: true,
      imported: lines.length,
      unchanged: 0,
      proceedings: 1,
    });

    const counted = (await ds.query(
      `SELECT outcome, applicant_category AS category, count(*)::int AS n FROM cases
        WHERE agency_id = $1 AND decided_on BETWEEN '2023-01-01' AND '2023-12-31' GROUP BY 1, 2`,
      [agency.id],
    )) as { outcome: string; category: string; n: number }[];
    for (const [outcome, counts] of Object.entries(outcomes)) {
      APPLICANT_CATEGORY_CODES.forEach((category, column) => {
        const found = counted.find((r) => r.outcome === outcome && r.category === category)?.n ?? 0;
        expect([outcome, category, found]).toEqual([outcome, category, counts[column]]);
      });
    }
    const before = await ds.query(
      'SELECT count(*)::int AS n FROM case_events WHERE agency_id = $1',
      [agency.id],
    );
    const again = await importLedger(ds, transitions, readJsonl(text), { agencyId: agency.id });
    expect(again).toMatchObject({
      committed: true,
      imported: 0,
      unchanged: lines.length,
      rejected: [],
    });
    const after = await ds.query(
      'SELECT count(*)::int AS n FROM case_events WHERE agency_id = $1',
      [agency.id],
    );
    expect(after).toEqual(before);
    expect((await verifyAgencyJournal(ds.manager, [agency.id])).ok).toBe(true);
  });

  it('imports nothing from a ledger with three bad lines and names all three', async () => {
    const agency = await seedAgency(ds, 'ledger-bad');
    const good = (ref: string) =>
      JSON.stringify({
        ref,
        receivedOn: '2023-03-02',
        channel: 'online',
        applicant: { category: 'natural_person' },
        outcome: 'disclosed',
        decidedOn: '2023-03-10',
      });
    const text = [
      good('A-1'),
      JSON.stringify({
        ref: 'A-2',
        receivedOn: '2023-03-02',
        channel: 'online',
        applicant: { category: 'natural_person' },
        outcome: 'disclosed',
        decidedOn: '2023-03-01',
      }),
      good('A-3'),
      JSON.stringify({
        ref: 'A-4',
        receivedOn: '2023-03-02',
        channel: 'online',
        applicant: { category: 'natural_person' },
        outcome: 'other.supplement_overdue',
        decidedOn: '2023-04-01',
      }),
      JSON.stringify({
        ref: 'A-5',
        receivedOn: '2023-03-02',
        channel: 'carrier-pigeon',
        applicant: { category: 'natural_person' },
      }),
      good('A-6'),
    ].join('\n');
    const report = await importLedger(ds, transitions, readJsonl(text), { agencyId: agency.id });
    expect(report.committed).toBe(false);
    expect(report.rejected.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(report.rejected[0].reason).toMatch(/早于收到申请之日/);
    expect(report.rejected[1].reason).toMatch(/补正/);
    expect(report.rejected[2].reason).toMatch(/申请方式/);
    const rows = await ds.query('SELECT count(*)::int AS n FROM cases WHERE agency_id = $1', [
      agency.id,
    ]);
    expect(rows[0].n).toBe(0);

    const skipping = await importLedger(ds, transitions, readJsonl(text), {
      agencyId: agency.id,
      skipInvalid: true,
    });
    expect(skipping).toMatchObject({ committed: true, imported: 3 });
    expect(skipping.rejected).toHaveLength(3);
  });

  it('writes a long ledger while checking it, and leaves nothing when a line past the first batches is bad', async () => {
    const agency = await seedAgency(ds, 'ledger-long');
    // More than two write batches (1,000 lines each): some are written before the bad line is read.
    const line = (i: number, channel = 'online') =>
      JSON.stringify({
        ref: `L-${i}`,
        receivedOn: addDays('2023-01-02', i % 300),
        channel,
        applicant: { category: 'natural_person', name: `申请人${i}` },
        outcome: 'disclosed',
        decidedOn: addDays('2023-01-02', (i % 300) + 5),
        ...(i % 3 === 0
          ? { proceedings: [{ kind: 'reconsideration', filedOn: '2024-01-10' }] }
          : {}),
      });
    const lines = Array.from({ length: 2_500 }, (_, i) => line(i));
    const count = async () =>
      (
        (await ds.query('SELECT count(*)::int AS n FROM cases WHERE agency_id = $1', [
          agency.id,
        ])) as { n: number }[]
      )[0].n;

    const bad = [...lines];
    bad[2_200] = line(2_200, 'carrier-pigeon');
    const refused = await importLedger(ds, transitions, readJsonl(bad.join('\n')), {
      agencyId: agency.id,
    });
    expect(refused).toMatchObject({ committed: false, imported: 0 });
    expect(refused.rejected.map((r) => r.line)).toEqual([2_201]);
    expect(await count()).toBe(0);

    const phases: string[] = [];
    const report = await importLedger(ds, transitions, readJsonl(lines.join('\n')), {
      agencyId: agency.id,
      onProgress: (p) => void phases.push(`${p.phase} ${p.done}/${p.total}`),
    });
    expect(report).toMatchObject({ committed: true, imported: 2_500, proceedings: 834 });
    expect(await count()).toBe(2_500);
    expect(phases.at(-1)).toBe('importing 2500/2500');
    expect((await verifyAgencyJournal(ds.manager, [agency.id])).ok).toBe(true);
  });

  it('imports tabs, line breaks, backslashes, quotes and Chinese text exactly, and nulls as nulls', async () => {
    const agency = await seedAgency(ds, 'ledger-tricky');
    const tricky = '王\t五\n"某\\公司"\r\\N \\. 😀';
    const text = [
      { ref: 'T\t1', applicant: { category: 'natural_person', name: tricky }, request: tricky },
      { ref: 'T\\2', applicant: { category: 'natural_person', name: null }, request: null },
    ]
      .map((l) => JSON.stringify({ ...l, receivedOn: '2023-03-02', channel: 'online' }))
      .join('\n');
    const report = await importLedger(ds, transitions, readJsonl(text), { agencyId: agency.id });
    expect(report).toMatchObject({ committed: true, imported: 2, rejected: [] });
    const rows = await ds.query(
      `SELECT c.ref, c.applicant_name, c.request_text, e.payload->>'applicantName' AS journaled
         FROM cases c JOIN case_events e ON e.case_id = c.id AND e.seq = 1
        WHERE c.agency_id = $1 ORDER BY c.ref`,
      [agency.id],
    );
    expect(rows).toEqual([
      { ref: 'T\t1', applicant_name: tricky, request_text: tricky, journaled: tricky },
      { ref: 'T\\2', applicant_name: null, request_text: null, journaled: null },
    ]);
    expect((await verifyAgencyJournal(ds.manager, [agency.id])).ok).toBe(true);
  });

  it('imports the example line of ledger-format.md: a fee notice served during a consultation', async () => {
    const agency = await seedAgency(ds, 'ledger-example');
    const example = `{"ref":"2023-017","receivedOn":"2023-03-02","channel":"online",
 "applicant":{"category":"natural_person","name":"张三"},
 "request":"申请公开2022年某路段改造工程的立项批复",
 "supplement":{"requestedOn":"2023-03-06","dueOn":"2023-03-21","receivedOn":"2023-03-10"},
 "consultations":[{"party":"third_party","sentOn":"2023-03-13","repliedOn":"2023-03-24"}],
 "fee":{"noticeServedOn":"2023-03-15","amountYuan":100,"paidOn":"2023-03-20"},
 "extension":{"approvedOn":"2023-04-03","workingDays":20},
 "outcome":"partially_disclosed","decidedOn":"2023-04-20",
 "service":{"method":"post","servedOn":"2023-04-21"},
 "proceedings":[{"kind":"reconsideration","filedOn":"2023-05-10",
                 "result":"maintained","concludedOn":"2023-07-01"}]}`;
    const report = await importLedger(
      ds,
      transitions,
      readJsonl(example.replace(/\n\s*/g, '') + '\n'),
      { agencyId: agency.id },
    );
    expect(report.rejected).toEqual([]);
    expect(report.imported).toBe(1);
    const [row] = (await ds.query(
      `SELECT state, fee_state, outcome, decided_on::text AS decided_on FROM cases WHERE agency_id = $1`,
      [agency.id],
    )) as { state: string; fee_state: string; outcome: string; decided_on: string }[];
    expect(row).toEqual({
      state: 'served',
      fee_state: 'paid',
      outcome: 'partially_disclosed',
      decided_on: '2023-04-20',
    });
    const types = (
      (await ds.query(
        `SELECT e.type FROM case_events e JOIN cases c ON c.id = e.case_id
          WHERE c.agency_id = $1 ORDER BY e.seq`,
        [agency.id],
      )) as { type: string }[]
    ).map((r) => r.type);
    expect(types.indexOf('SERVE_FEE_NOTICE')).toBeGreaterThan(types.indexOf('START_CONSULTATION'));
    expect(types.indexOf('FEE_PAID')).toBeLessThan(types.indexOf('CONSULTATION_REPLIED'));
    expect((await verifyAgencyJournal(ds.manager, [agency.id])).ok).toBe(true);
  });

  it('rejects an extension over 20 working days and flags a late answer', async () => {
    const agency = await seedAgency(ds, 'ledger-flags');
    const text = [
      JSON.stringify({
        ref: 'B-1',
        receivedOn: '2023-03-02',
        channel: 'online',
        applicant: { category: 'natural_person' },
        extension: { approvedOn: '2023-03-20', workingDays: 25 },
      }),
      JSON.stringify({
        ref: 'B-2',
        receivedOn: '2023-03-02',
        channel: 'online',
        applicant: { category: 'natural_person' },
        outcome: 'disclosed',
        decidedOn: '2023-05-30',
        service: { method: 'post', servedOn: '2023-05-31' },
      }),
    ].join('\n');
    const report = await importLedger(ds, transitions, readJsonl(text), {
      agencyId: agency.id,
      skipInvalid: true,
    });
    expect(report.rejected).toEqual([
      expect.objectContaining({ line: 1, ref: 'B-1', reason: expect.stringMatching(/20个工作日/) }),
    ]);
    expect(report.flagged).toEqual([expect.objectContaining({ line: 2, ref: 'B-2' })]);
  });

  it('reads an XLSX sheet with Chinese headers and labels', async () => {
    const agency = await seedAgency(ds, 'ledger-xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow([
      '登记编号',
      '收到日期',
      '申请方式',
      '申请人类型',
      '申请人',
      '申请内容',
      '办理结果',
      '答复日期',
    ]);
    sheet.addRow([
      'X-1',
      new Date('2023-04-03T00:00:00Z'),
      '网络平台',
      '自然人',
      '王五',
      '申请公开某批复',
      'disclosed',
      '2023-04-10',
    ]);
    sheet.addRow([
      'X-2',
      '2023-04-04',
      'post',
      'commercial_enterprise',
      '某公司',
      '申请公开某文件',
      null,
      null,
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const lines = await readXlsx(buffer);
    const report = await importLedger(ds, transitions, lines, { agencyId: agency.id });
    expect(report.rejected).toEqual([]);
    expect(report.imported).toBe(2);
    const rows = await ds.query(
      'SELECT ref, channel, outcome, closed FROM cases WHERE agency_id = $1 ORDER BY ref',
      [agency.id],
    );
    expect(rows).toEqual([
      { ref: 'X-1', channel: 'online', outcome: 'disclosed', closed: true },
      { ref: 'X-2', channel: 'post', outcome: null, closed: false },
    ]);
  });
});
