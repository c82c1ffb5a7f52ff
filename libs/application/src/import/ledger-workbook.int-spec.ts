import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { StatisticsRepository, verifyAgencyJournal } from '@gongkai/persistence';
import { CaseTransitionService } from '../cases/case-transition.service';
import { openTestDatabase, seedAgency } from '@gongkai/persistence/testing';
import { formatRejection, importLedger } from './import-ledger.use-case';
import { readJsonl, readXlsx } from './ledger-read';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
// Columns of section 三: the six applicant categories, then 总计.
const row = (np: number, ce: number, ri: number, sw: number, ls: number, oo: number) => [
  np,
  ce,
  ri,
  sw,
  ls,
  oo,
  np + ce + ri + sw + ls + oo,
];

/** A register as typed by hand: title row, Chinese headers and words, every date style. */
async function handTypedWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRow(['本台账按年度登记']);
  const sheet = workbook.addWorksheet('2024年台账');
  sheet.addRow(['某某局2024年政府信息公开申请登记台账']);
  sheet.mergeCells('A1:O1');
  sheet.addRow([]);
  sheet.addRow([
    '序号',
    '登记编号',
    '收件日期',
    '提交方式',
    '申请人类别',
    '申请人姓名（名称）',
    '申请公开内容',
    '补正通知日期',
    '补正期限',
    '处理结果',
    '办结日期',
    '送达方式',
    '送达日期',
    '备注',
    '经办人',
  ]);
  const rows: unknown[][] = [
    [
      1,
      '2024-001 ',
      '2024/3/6',
      '当面提交',
      '自然人',
      '王　五 ',
      '某路段改造工程的立项批复',
      null,
      null,
      '予以公开',
      '2024年3月20日',
      '直接送达',
      '2024.3.21',
      '当场领取',
      '李四',
    ],
    [
      2,
      '2024-002',
      '2024年3月7日',
      '信函',
      '企业',
      '某某　有限公司',
      '某项目环评报告',
      null,
      null,
      '不予公开—属于国家秘密',
      utc(2024, 4, 1),
      '邮寄',
      45384,
      null,
      '李四',
    ],
    [],
    [
      3,
      '2024-003',
      '2024.4.8',
      '网上',
      '律师事务所',
      '某律师事务所',
      '某案件卷宗',
      null,
      null,
      '（五）2.重复申请',
      '２０２４年４月１０日',
      null,
      null,
      '与2023-017重复',
      '张三',
    ],
    [
      4,
      '2024-004',
      utc(2024, 5, 6),
      '邮箱',
      '自然人',
      '赵　六',
      '某某信息',
      '2024-05-07',
      '2024-05-20',
      '逾期不补正',
      '2024-05-21',
      '邮寄送达',
      '2024/5/22',
      '送达不再处理告知书',
      null,
    ],
    [
      5,
      '2024-005',
      45446,
      '网络平台',
      '科研机构',
      '某研究所',
      '某统计数据',
      null,
      null,
      '信息不存在',
      '2024-06-10',
      '电子送达',
      '2024-06-11',
      null,
      null,
    ],
    [
      6,
      '2024-006',
      '2024-12-20',
      '当面',
      '自然人',
      '钱七',
      '某会议纪要',
      null,
      null,
      null,
      null,
      null,
      null,
      '结转下年度',
      null,
    ],
    [
      7,
      '２０２４-００７',
      '2024/7/1',
      'post',
      'natural_person',
      '孙八',
      '某规划图',
      null,
      null,
      '（二）部分公开',
      '2024-07-15',
      'EMS',
      '2024-07-16',
      null,
      null,
    ],
  ];
  // Date objects become Excel date cells (a serial with a date format); 45384 and 45446 are
  // serials typed into general cells.
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function section3(ds: DataSource, agencyId: string, year: number) {
  return (await new StatisticsRepository(ds.manager).yearStatistics({ agencyId }, year)).section3
    .rows;
}

const eventCount = async (ds: DataSource, agencyId: string) =>
  (
    (await ds.query('SELECT count(*)::int AS n FROM case_events WHERE agency_id = $1', [
      agencyId,
    ])) as { n: number }[]
  )[0].n;

describe('Excel registers as agencies keep them', () => {
  let ds: DataSource;
  let transitions: CaseTransitionService;

  beforeAll(async () => {
    ds = await openTestDatabase();
    transitions = new CaseTransitionService(ds, { today: () => '2025-01-15' });
  });
  afterAll(() => ds.destroy());

  it('imports a hand-typed register and gives the right section 三; a second import changes nothing', async () => {
    const agency = await seedAgency(ds, 'workbook');
    const reading = await readXlsx(await handTypedWorkbook());
    expect(reading.sheet).toEqual({ name: '2024年台账', headerRow: 3 });
    expect(reading.ignoredColumns).toEqual(['经办人']);
    // Sheet rows: the blank row 6 is skipped, the others keep their numbers.
    expect(reading.lines.map((l) => l.line)).toEqual([4, 5, 7, 8, 9, 10, 11]);

    const report = await importLedger(ds, transitions, reading, { agencyId: agency.id });
    expect(report.rejected.map(formatRejection)).toEqual([]);
    expect(report).toMatchObject({ committed: true, imported: 7, ignoredColumns: ['经办人'] });

    const cases = (await ds.query(
      `SELECT ref, received_on::text AS received, channel, applicant_category AS category,
              applicant_name AS name, outcome, decided_on::text AS decided, state,
              served_on::text AS served
         FROM cases WHERE agency_id = $1 ORDER BY ref`,
      [agency.id],
    )) as Record<string, string | null>[];
    expect(cases).toEqual([
      {
        ref: '2024-001',
        received: '2024-03-06',
        channel: 'in_person',
        category: 'natural_person',
        name: '王五',
        outcome: 'disclosed',
        decided: '2024-03-20',
        state: 'served',
        served: '2024-03-21',
      },
      {
        ref: '2024-002',
        received: '2024-03-07',
        channel: 'post',
        category: 'commercial_enterprise',
        name: '某某有限公司',
        outcome: 'withheld.state_secret',
        decided: '2024-04-01',
        state: 'served',
        served: '2024-04-02',
      },
      {
        ref: '2024-003',
        received: '2024-04-08',
        channel: 'online',
        category: 'legal_service_agency',
        name: '某律师事务所',
        outcome: 'not_handled.duplicate',
        decided: '2024-04-10',
        state: 'awaitingService',
        served: null,
      },
      {
        ref: '2024-004',
        received: '2024-05-06',
        channel: 'email',
        category: 'natural_person',
        name: '赵六',
        outcome: 'other.supplement_overdue',
        decided: '2024-05-21',
        state: 'ended',
        served: null,
      },
      {
        ref: '2024-005',
        received: '2024-06-03',
        channel: 'online',
        category: 'research_institution',
        name: '某研究所',
        outcome: 'unavailable.not_held',
        decided: '2024-06-10',
        state: 'served',
        served: '2024-06-11',
      },
      {
        ref: '2024-006',
        received: '2024-12-20',
        channel: 'in_person',
        category: 'natural_person',
        name: '钱七',
        outcome: null,
        decided: null,
        state: 'processing',
        served: null,
      },
      {
        ref: '2024-007',
        received: '2024-07-01',
        channel: 'post',
        category: 'natural_person',
        name: '孙八',
        outcome: 'partially_disclosed',
        decided: '2024-07-15',
        state: 'served',
        served: '2024-07-16',
      },
    ]);

    const rows = await section3(ds, agency.id, 2024);
    expect(rows['received']).toEqual(row(4, 1, 1, 0, 1, 0));
    expect(rows['carried_in']).toEqual(row(0, 0, 0, 0, 0, 0));
    expect(rows['disclosed']).toEqual(row(1, 0, 0, 0, 0, 0));
    expect(rows['partially_disclosed']).toEqual(row(1, 0, 0, 0, 0, 0));
    expect(rows['withheld.state_secret']).toEqual(row(0, 1, 0, 0, 0, 0));
    expect(rows['unavailable.not_held']).toEqual(row(0, 0, 1, 0, 0, 0));
    expect(rows['not_handled.duplicate']).toEqual(row(0, 0, 0, 0, 1, 0));
    expect(rows['other.supplement_overdue']).toEqual(row(1, 0, 0, 0, 0, 0));
    expect(rows['total']).toEqual(row(3, 1, 1, 0, 1, 0));
    expect(rows['carried_forward']).toEqual(row(1, 0, 0, 0, 0, 0));

    const events = await eventCount(ds, agency.id);
    const again = await importLedger(ds, transitions, await readXlsx(await handTypedWorkbook()), {
      agencyId: agency.id,
    });
    expect(again).toMatchObject({ committed: true, imported: 0, unchanged: 7, rejected: [] });
    expect(await eventCount(ds, agency.id)).toBe(events);
    expect((await verifyAgencyJournal(ds.manager, [agency.id])).ok).toBe(true);
  });

  it('gives a register without 登记编号 stable refs, so a second import changes nothing', async () => {
    const agency = await seedAgency(ds, 'workbook-noref');
    const build = async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('台账');
      sheet.addRow([
        '序号',
        '受理日期',
        '申请方式',
        '申请人类型',
        '申请人',
        '办理结果',
        '答复日期',
      ]);
      sheet.addRow([1, '2024/3/6', '当面', '自然人', '周九', '予以公开', '2024/3/8']);
      sheet.addRow([2, '2024/3/6', '当面', '自然人', '周九', '予以公开', '2024/3/8']);
      sheet.addRow([3, '2024/3/7', '信函', '企业', '某公司', null, null]);
      return Buffer.from(await workbook.xlsx.writeBuffer());
    };
    const first = await importLedger(ds, transitions, await readXlsx(await build()), {
      agencyId: agency.id,
    });
    expect(first).toMatchObject({ committed: true, imported: 3, rejected: [] });
    const refs = (
      (await ds.query('SELECT ref FROM cases WHERE agency_id = $1 ORDER BY ref', [agency.id])) as {
        ref: string;
      }[]
    ).map((r) => r.ref);
    expect(refs).toHaveLength(3);
    expect(refs[0]).toMatch(/^R20240306-[0-9a-f]{8}$/);
    expect(refs[1]).toBe(`${refs[0]}-2`);
    const again = await importLedger(ds, transitions, await readXlsx(await build()), {
      agencyId: agency.id,
    });
    expect(again).toMatchObject({ committed: true, imported: 0, unchanged: 3 });
  });

  it('imports nothing from a register with a wrong date, an unknown outcome and a missing 申请人类型, and names all three cells', async () => {
    const agency = await seedAgency(ds, 'workbook-bad');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow([
      '登记编号',
      '收到日期',
      '申请方式',
      '申请人类型',
      '申请人',
      '办理结果',
      '答复日期',
    ]);
    sheet.addRow(['B-1', '2024-03-01', '当面提交', '自然人', '甲', '予以公开', '2024-03-05']);
    sheet.addRow(['B-2', '2024-13-01', '当面提交', '自然人', '乙', null, null]);
    sheet.addRow(['B-3', '2024-03-02', '信函', '企业', '丙公司', '不知道', '2024-03-08']);
    sheet.addRow(['B-4', '2024-03-03', '网上', null, '丁', '予以公开', '2024-03-09']);
    const reading = await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer()));
    const report = await importLedger(ds, transitions, reading, { agencyId: agency.id });
    expect(report.committed).toBe(false);
    expect(report.rejected.map(formatRejection)).toEqual([
      '第3行"收到日期"：无法识别的日期"2024-13-01"',
      '第4行"办理结果"：无法识别的办理结果"不知道"',
      '第5行"申请人类型"：未填写申请人类型',
    ]);
    const count = (await ds.query('SELECT count(*)::int AS n FROM cases WHERE agency_id = $1', [
      agency.id,
    ])) as { n: number }[];
    expect(count[0].n).toBe(0);
  });

  it('refuses a workbook with no header row, or without a required column, as a whole', async () => {
    const noHeader = new ExcelJS.Workbook();
    noHeader.addWorksheet('Sheet1').addRow(['张三', '2024-03-01', '当面']);
    await expect(readXlsx(Buffer.from(await noHeader.xlsx.writeBuffer()))).rejects.toThrow(
      /没有找到表头行/,
    );
    const noCategory = new ExcelJS.Workbook();
    noCategory.addWorksheet('台账').addRow(['登记编号', '收到日期', '申请方式', '申请人']);
    await expect(readXlsx(Buffer.from(await noCategory.xlsx.writeBuffer()))).rejects.toThrow(
      '工作表“台账”第1行的表头缺少列：“申请人类型”',
    );
    await expect(readXlsx(Buffer.from('not a workbook'))).rejects.toThrow(/另存为 \.xlsx/);
  });

  it('replays the service of the notice on 逾期不补正, 逾期未缴费 and withdrawn cases: section 三 unchanged, twice the same', async () => {
    const base = (ref: string) => ({
      ref,
      receivedOn: '2024-03-04',
      channel: 'online',
      applicant: { category: 'natural_person' },
    });
    const lines = (withService: boolean) => {
      const service = (servedOn: string) =>
        withService ? { service: { method: 'post', servedOn } } : {};
      return [
        {
          ...base('N-1'),
          supplement: { requestedOn: '2024-03-05', dueOn: '2024-03-15' },
          outcome: 'other.supplement_overdue',
          decidedOn: '2024-03-18',
          ...service('2024-03-19'),
        },
        {
          ...base('N-2'),
          fee: { noticeServedOn: '2024-03-06', amountYuan: 100 },
          outcome: 'other.fee_unpaid',
          decidedOn: '2024-04-15',
          ...service('2024-04-16'),
        },
        {
          ...base('N-3'),
          withdrawnOn: '2024-03-08',
          outcome: 'other.other',
          ...service('2024-03-08'),
        },
        {
          ...base('N-4'),
          outcome: 'disclosed',
          decidedOn: '2024-03-20',
          service: { method: 'in_person', servedOn: '2024-03-21' },
        },
      ]
        .map((l) => JSON.stringify(l))
        .join('\n');
    };
    const plain = await seedAgency(ds, 'notice-plain');
    const served = await seedAgency(ds, 'notice-served');
    const without = await importLedger(ds, transitions, readJsonl(lines(false)), {
      agencyId: plain.id,
    });
    expect(without).toMatchObject({ committed: true, imported: 4, rejected: [] });
    const report = await importLedger(ds, transitions, readJsonl(lines(true)), {
      agencyId: served.id,
    });
    expect(report.rejected).toEqual([]);
    expect(report).toMatchObject({ committed: true, imported: 4 });

    expect(await section3(ds, served.id, 2024)).toEqual(await section3(ds, plain.id, 2024));
    const rows = await section3(ds, served.id, 2024);
    expect(rows['other.supplement_overdue']).toEqual(row(1, 0, 0, 0, 0, 0));
    expect(rows['other.fee_unpaid']).toEqual(row(1, 0, 0, 0, 0, 0));
    expect(rows['other.other']).toEqual(row(1, 0, 0, 0, 0, 0));

    const notices = (await ds.query(
      `SELECT c.ref, c.state, c.served_on::text AS served, e.payload->>'servedOn' AS "noticeOn"
         FROM case_events e JOIN cases c ON c.id = e.case_id
        WHERE c.agency_id = $1 AND e.type = 'RECORD_NOTICE_SERVICE' ORDER BY c.ref`,
      [served.id],
    )) as Record<string, string | null>[];
    expect(notices).toEqual([
      { ref: 'N-1', state: 'ended', served: null, noticeOn: '2024-03-19' },
      { ref: 'N-2', state: 'ended', served: null, noticeOn: '2024-04-16' },
      { ref: 'N-3', state: 'ended', served: null, noticeOn: '2024-03-08' },
    ]);

    const events = await eventCount(ds, served.id);
    const again = await importLedger(ds, transitions, readJsonl(lines(true)), {
      agencyId: served.id,
    });
    expect(again).toMatchObject({ committed: true, imported: 0, unchanged: 4, rejected: [] });
    expect(await eventCount(ds, served.id)).toBe(events);
    expect((await verifyAgencyJournal(ds.manager, [served.id])).ok).toBe(true);
  });
});
