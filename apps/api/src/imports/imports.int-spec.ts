import ExcelJS from 'exceljs';
import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';
import { caseCount, ledgerLine } from './ledger-lines.testing';

/** ledger-format.md over HTTP: all lines or none, every bad line named, idempotent by ref. */
describe('POST /api/imports', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ now: new Date('2025-06-30T02:00:00Z') });
  });
  afterAll(() => t.close());

  const line = ledgerLine;
  const count = (agencyId: string) => caseCount(t.db, agencyId);

  it('imports a JSONL ledger into the clerk’s agency, and importing it again changes nothing', async () => {
    const desk = await seedDesk(t);
    const jsonl = [
      line('2025-001'),
      line('2025-002', { outcome: null, decidedOn: undefined }),
    ].join('\n');
    const first = await t
      .http()
      .post('/api/imports')
      .set('Cookie', desk.cookies.clerk)
      .send({ jsonl })
      .expect(200);
    expect(first.body).toMatchObject({
      committed: true,
      lines: 2,
      imported: 2,
      unchanged: 0,
      rejected: [],
    });
    const again = await t
      .http()
      .post('/api/imports')
      .set('Cookie', desk.cookies.clerk)
      .send({ jsonl })
      .expect(200);
    expect(again.body).toMatchObject({ imported: 0, unchanged: 2 });
    expect(await count(desk.agency.id)).toBe(2);
  });

  it('imports nothing when lines are bad, and names every one', async () => {
    const desk = await seedDesk(t);
    const jsonl = [
      line('2025-101'),
      line('2025-102', { channel: 'pigeon' }),
      line('2025-103'),
      line('2025-104', { decidedOn: '2025-02-01' }),
      '{not json',
    ].join('\n');
    const res = await t
      .http()
      .post('/api/imports')
      .set('Cookie', desk.cookies.clerk)
      .send({ jsonl })
      .expect(422);
    expect(res.body.report.rejected.map((r: { line: number }) => r.line)).toEqual([2, 4, 5]);
    expect(res.body.message).toContain('第2行');
    expect(await count(desk.agency.id)).toBe(0);
    const skipped = await t
      .http()
      .post('/api/imports')
      .set('Cookie', desk.cookies.clerk)
      .send({ jsonl, skipInvalid: true })
      .expect(200);
    expect(skipped.body).toMatchObject({ imported: 2 });
    expect(await count(desk.agency.id)).toBe(2);
  });

  it('reads an Excel ledger with Chinese headers', async () => {
    const desk = await seedDesk(t);
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
    sheet.addRow([
      '2025-201',
      '2025-03-03',
      'in_person',
      'natural_person',
      '李四',
      'disclosed',
      '2025-03-21',
    ]);
    const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const res = await t
      .http()
      .post('/api/imports')
      .set('Cookie', desk.cookies.clerk)
      .send({ xlsxBase64 })
      .expect(200);
    expect(res.body).toMatchObject({ imported: 1 });
  });

  it('refuses bad bodies with 400, and leaders and auditors with 403', async () => {
    const desk = await seedDesk(t);
    await t.http().post('/api/imports').set('Cookie', desk.cookies.clerk).send({}).expect(400);
    await t
      .http()
      .post('/api/imports')
      .set('Cookie', desk.cookies.clerk)
      .send({ jsonl: 'x', xlsxBase64: 'eA==' })
      .expect(400);
    const garbage = await t
      .http()
      .post('/api/imports')
      .set('Cookie', desk.cookies.clerk)
      .send({ xlsxBase64: Buffer.from('not a workbook').toString('base64') })
      .expect(422);
    expect(garbage.body.message).toContain('Excel');
    for (const role of ['leader', 'auditor'] as const) {
      await t
        .http()
        .post('/api/imports')
        .set('Cookie', desk.cookies[role])
        .send({ jsonl: line('x') })
        .expect(403);
    }
    await t
      .http()
      .post('/api/imports')
      .send({ jsonl: line('x') })
      .expect(401);
    expect(await count(desk.agency.id)).toBe(0);
  });
});
