import { createTestApp, seedDesk, type TestApp } from '../testing/test-app';
import { binary, documentText } from './letters.testing';

// 2025-06-30 10:00 in Shanghai.
const NOW = new Date('2025-06-30T02:00:00Z');

describe('letters over HTTP', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof seedDesk>>;
  let caseId: string;
  let version: number;

  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
    desk = await seedDesk(t);
    const res = await t
      .http()
      .post('/api/cases')
      .set('Cookie', desk.cookies.clerk)
      .send({
        receivedOn: '2025-06-23',
        channel: 'in_person',
        applicant: { category: 'natural_person', name: '赵六' },
        request: '申请公开2024年度部门决算',
      });
    expect(res.status).toBe(201);
    caseId = res.body.case.id;
    version = res.body.case.version;
  });
  afterAll(() => t.close());

  const letter = (kind: string, cookie = desk.cookies.clerk) =>
    t
      .http()
      .get(`/api/cases/${caseId}/letters/${kind}`)
      .set('Cookie', cookie)
      .buffer(true)
      .parse(binary as never);

  const send = async (
    type: string,
    payload: Record<string, unknown>,
    cookie = desk.cookies.clerk,
  ) => {
    const res = await t
      .http()
      .post(`/api/cases/${caseId}/events`)
      .set('Cookie', cookie)
      .send({ type, payload: { on: '2025-06-30', ...payload }, expectedVersion: version });
    expect(res.status).toBe(200);
    version = res.body.case.version;
  };

  it('generates the 受理回执 as a DOCX with the case facts', async () => {
    const res = await letter('receipt');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const text = await documentText(res.body as Buffer);
    expect(text).toContain('政府信息公开申请受理回执');
    expect(text).toContain('赵六');
    expect(text).toContain('2025年6月23日');
    expect(text).toContain(desk.agency.name);
  });

  it('refuses a letter the case has no facts for, and an unknown kind', async () => {
    const res = await t
      .http()
      .get(`/api/cases/${caseId}/letters/supplement`)
      .set('Cookie', desk.cookies.clerk);
    expect(res.status).toBe(422);
    expect(res.body.message).toContain('未告知补正');
    const unknown = await t
      .http()
      .get(`/api/cases/${caseId}/letters/poem`)
      .set('Cookie', desk.cookies.clerk);
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('没有这种文书');
  });

  it('writes the 答复书 for the chosen outcome with the applicant name', async () => {
    await send('REQUEST_SUPPLEMENT', { dueOn: '2025-07-15', items: ['请说明所需决算的单位范围'] });
    const notice = await documentText((await letter('supplement')).body as Buffer);
    expect(notice).toContain('1. 请说明所需决算的单位范围');
    await send('SUPPLEMENT_RECEIVED', {});
    await send('DRAFT_DECISION', { outcome: 'partially_disclosed' });
    await send('APPROVE_DECISION', {}, desk.cookies.leader);
    const res = await letter('decision', desk.cookies.auditor);
    expect(res.status).toBe(200);
    const text = await documentText(res.body as Buffer);
    expect(text).toContain('政府信息公开申请答复书');
    expect(text).toContain('赵六');
    expect(text).toContain('第三十七条');
    expect(text).toContain('行政复议');
  });

  it("lets an admin edit the agency's template, used by the next letter, and restore it", async () => {
    const list = await t.http().get('/api/letter-templates').set('Cookie', desk.cookies.admin);
    expect(list.status).toBe(200);
    expect(list.body.templates).toHaveLength(8);
    expect(list.body.placeholders.applicantName).toBe('申请人姓名或名称');

    const byClerk = await t
      .http()
      .put('/api/letter-templates/receipt')
      .set('Cookie', desk.cookies.clerk)
      .send({ title: 'x', paragraphs: ['y'] });
    expect(byClerk.status).toBe(403);
    const empty = await t
      .http()
      .put('/api/letter-templates/receipt')
      .set('Cookie', desk.cookies.admin)
      .send({ title: '', paragraphs: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.fieldErrors.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['title', 'paragraphs']),
    );

    const saved = await t
      .http()
      .put('/api/letter-templates/receipt')
      .set('Cookie', desk.cookies.admin)
      .send({
        title: '收件回执',
        paragraphs: ['{{applicantName}}：您的申请{{ref}}已收到。', '{{agencyName}}', '{{today}}'],
      });
    expect(saved.status).toBe(200);
    expect(saved.body.customised).toBe(true);
    const text = await documentText((await letter('receipt')).body as Buffer);
    expect(text).toContain('收件回执');
    expect(text).toContain('赵六：您的申请');
    expect(text).toContain('2025年6月30日');

    const reset = await t
      .http()
      .delete('/api/letter-templates/receipt')
      .set('Cookie', desk.cookies.admin);
    expect(reset.body).toMatchObject({ customised: false, title: '政府信息公开申请受理回执' });
  });
});
